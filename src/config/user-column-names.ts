/** The users list's columns as the config names them (`pools.<id>.columns`), in their default order. */
export const USER_COLUMN_NAMES = ['username', 'email', 'name', 'status', 'enabled', 'created'] as const;

/** A column of the users list, as the config names it. */
export type UserColumnName = (typeof USER_COLUMN_NAMES)[number];
