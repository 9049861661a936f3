/** The space a view has to draw in, below the header and above the footer. */
export interface ViewProps {
  width: number;
  height: number;
  now: number;
}
