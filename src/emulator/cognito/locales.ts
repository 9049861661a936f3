/** A city events can come from: its UTC offset as Cognito prints it and /16 prefixes of plausible IPv4s. */
export interface City {
  name: string;
  timezone: string;
  prefixes: ReadonlyArray<readonly [number, number]>;
}

/**
 * A country's people and places. `phone` formats a number from a string of 12 random digits. `native` optionally maps a romanised family or given name to its own
 * script, used for the `name` attribute.
 */
export interface Locale {
  tag: string;
  country: string;
  weight: number;
  phone: (digits: string) => string;
  cities: readonly City[];
  given: readonly string[];
  family: readonly string[];
  native?: Readonly<Record<string, string>>;
}

const city = (name: string, timezone: string, ...prefixes: Array<[number, number]>): City => ({ name, timezone, prefixes });

/** People and places the seed draws users from, weighted towards the United States and Europe. */
export const LOCALES: readonly Locale[] = [
  {
    tag: 'en-US',
    country: 'United States',
    weight: 30,
    phone: (d) => `+1${d.slice(0, 3)}555${d.slice(3, 7)}`,
    cities: [
      city('Seattle', '-08:00', [73, 181], [24, 16]),
      city('Chicago', '-06:00', [98, 213], [73, 44]),
      city('New York', '-05:00', [68, 198], [100, 2]),
      city('Austin', '-06:00', [70, 114], [97, 99]),
      city('Denver', '-07:00', [67, 176], [71, 56]),
    ],
    given: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'Logan', 'Mia', 'Lucas', 'Harper', 'Jackson', 'Evelyn', 'Aiden', 'Abigail', 'Elijah', 'Ella', 'Grace', 'Tyler', 'Madison', 'Caleb', 'Chloe', 'Dylan', 'Avery', 'Nathan', 'Riley', 'Hannah'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson'],
  },
  {
    tag: 'en-GB',
    country: 'United Kingdom',
    weight: 8,
    phone: (d) => `+447700900${d.slice(0, 3)}`,
    cities: [city('London', '+00:00', [81, 152], [86, 4]), city('Manchester', '+00:00', [82, 132], [92, 7]), city('Edinburgh', '+00:00', [94, 174])],
    given: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Poppy', 'Jack', 'Freya', 'Charlie', 'Florence', 'Alfie', 'Evie', 'Archie', 'Rosie', 'Theo', 'Imogen'],
    family: ['Hughes', 'Evans', 'Roberts', 'Walsh', 'Wood', 'Patel', 'Murray', 'Campbell', 'Ellis', 'Cooper', 'Bennett', 'Fletcher', 'Holmes', 'Lloyd', 'Marsh', "O'Brien"],
  },
  {
    tag: 'es-ES',
    country: 'Spain',
    weight: 7,
    phone: (d) => `+346${d.slice(0, 8)}`,
    cities: [city('Madrid', '+01:00', [83, 44], [88, 27]), city('Barcelona', '+01:00', [79, 152], [95, 127]), city('Valencia', '+01:00', [81, 39])],
    given: ['Lucía', 'Hugo', 'Martina', 'Mateo', 'Sofía', 'Pablo', 'Paula', 'Álvaro', 'Carmen', 'Javier', 'Elena', 'Sergio', 'Nuria', 'Adrián', 'Inés', 'Iñigo'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz'],
  },
  {
    tag: 'es-MX',
    country: 'Mexico',
    weight: 5,
    phone: (d) => `+5255${d.slice(0, 8)}`,
    cities: [city('Mexico City', '-06:00', [187, 189], [189, 203]), city('Guadalajara', '-06:00', [201, 141]), city('Monterrey', '-06:00', [187, 134])],
    given: ['Santiago', 'Valentina', 'Diego', 'Ximena', 'Emiliano', 'Regina', 'Leonardo', 'Camila', 'Sebastián', 'Renata', 'Andrés', 'Fernanda', 'Joaquín', 'Guadalupe'],
    family: ['Hernández', 'Ramírez', 'Flores', 'Cruz', 'Reyes', 'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Mendoza', 'Vázquez', 'Castillo', 'Rojas', 'Delgado'],
  },
  {
    tag: 'pt-BR',
    country: 'Brazil',
    weight: 5,
    phone: (d) => `+55119${d.slice(0, 8)}`,
    cities: [city('São Paulo', '-03:00', [177, 32], [189, 62]), city('Rio de Janeiro', '-03:00', [179, 218]), city('Belo Horizonte', '-03:00', [191, 5])],
    given: ['João', 'Ana', 'Gabriel', 'Beatriz', 'Rafael', 'Larissa', 'Thiago', 'Juliana', 'Felipe', 'Mariana', 'Bruno', 'Letícia', 'Caio', 'Fernanda'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Ferreira', 'Almeida', 'Carvalho', 'Ribeiro', 'Gonçalves', 'Araújo', 'Barbosa'],
  },
  {
    tag: 'fr-FR',
    country: 'France',
    weight: 5,
    phone: (d) => `+336${d.slice(0, 8)}`,
    cities: [city('Paris', '+01:00', [90, 66], [86, 246]), city('Lyon', '+01:00', [82, 64]), city('Toulouse', '+01:00', [90, 45])],
    given: ['Léa', 'Gabriel', 'Chloé', 'Louis', 'Manon', 'Raphaël', 'Camille', 'Jules', 'Inès', 'Arthur', 'Zoé', 'Théo', 'Océane', 'Benoît'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Bonnet', 'Rousseau'],
  },
  {
    tag: 'de-DE',
    country: 'Germany',
    weight: 5,
    phone: (d) => `+4915${d.slice(0, 9)}`,
    cities: [city('Berlin', '+01:00', [84, 191], [91, 64]), city('Munich', '+01:00', [93, 104]), city('Hamburg', '+01:00', [87, 178])],
    given: ['Lukas', 'Hannah', 'Jonas', 'Lena', 'Felix', 'Leonie', 'Maximilian', 'Marie', 'Paul', 'Johanna', 'Jürgen', 'Anja', 'Tobias', 'Katrin'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'],
  },
  {
    tag: 'it-IT',
    country: 'Italy',
    weight: 3,
    phone: (d) => `+393${d.slice(0, 9)}`,
    cities: [city('Milan', '+01:00', [79, 21], [93, 45]), city('Rome', '+01:00', [151, 38]), city('Naples', '+01:00', [87, 19])],
    given: ['Francesco', 'Giulia', 'Alessandro', 'Chiara', 'Lorenzo', 'Sara', 'Matteo', 'Martina', 'Niccolò', 'Aurora', 'Davide', 'Federica'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'De Luca'],
  },
  {
    tag: 'pl-PL',
    country: 'Poland',
    weight: 3,
    phone: (d) => `+485${d.slice(0, 8)}`,
    cities: [city('Warsaw', '+01:00', [83, 27], [89, 64]), city('Kraków', '+01:00', [178, 42])],
    given: ['Jakub', 'Zuzanna', 'Łukasz', 'Julia', 'Mikołaj', 'Maja', 'Szymon', 'Małgorzata', 'Wojciech', 'Agnieszka', 'Paweł', 'Katarzyna'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski'],
  },
  {
    tag: 'sv-SE',
    country: 'Sweden',
    weight: 2,
    phone: (d) => `+4670${d.slice(0, 7)}`,
    cities: [city('Stockholm', '+01:00', [78, 69], [90, 224]), city('Gothenburg', '+01:00', [81, 232])],
    given: ['Elsa', 'William', 'Alice', 'Hugo', 'Maja', 'Oscar', 'Ebba', 'Axel', 'Astrid', 'Björn', 'Saga', 'Sören'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindström', 'Åberg'],
  },
  {
    tag: 'tr-TR',
    country: 'Turkey',
    weight: 2,
    phone: (d) => `+905${d.slice(0, 9)}`,
    cities: [city('Istanbul', '+03:00', [78, 180], [88, 230]), city('Ankara', '+03:00', [85, 105])],
    given: ['Yusuf', 'Zeynep', 'Emir', 'Elif', 'Mustafa', 'Ayşe', 'Mehmet', 'Defne', 'Çağrı', 'Büşra', 'Can', 'İrem'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan'],
  },
  {
    tag: 'hi-IN',
    country: 'India',
    weight: 6,
    phone: (d) => `+919${d.slice(0, 9)}`,
    cities: [city('Bengaluru', '+05:30', [49, 207], [117, 192]), city('Mumbai', '+05:30', [223, 185], [103, 21]), city('Delhi', '+05:30', [122, 161])],
    given: ['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Priya', 'Rohan', 'Kavya', 'Aditya', 'Isha', 'Sai', 'Meera', 'Rahul', 'Neha'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Rao', 'Joshi', 'Desai', 'Chopra', 'Bose'],
  },
  {
    tag: 'ja-JP',
    country: 'Japan',
    weight: 4,
    phone: (d) => `+8190${d.slice(0, 8)}`,
    cities: [city('Tokyo', '+09:00', [126, 36], [153, 246]), city('Osaka', '+09:00', [110, 233]), city('Sapporo', '+09:00', [219, 106])],
    given: ['Haruto', 'Yui', 'Sota', 'Hina', 'Yuto', 'Sakura', 'Ren', 'Aoi', 'Takumi', 'Mei'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    native: {
      Haruto: '陽翔', Yui: '結衣', Sota: '蒼太', Hina: '陽菜', Yuto: '悠斗', Sakura: 'さくら', Ren: '蓮', Aoi: '葵', Takumi: '匠', Mei: '芽依',
      Sato: '佐藤', Suzuki: '鈴木', Takahashi: '高橋', Tanaka: '田中', Watanabe: '渡辺', Ito: '伊藤', Yamamoto: '山本', Nakamura: '中村', Kobayashi: '小林', Kato: '加藤',
    },
  },
  {
    tag: 'zh-CN',
    country: 'China',
    weight: 3,
    phone: (d) => `+8613${d.slice(0, 9)}`,
    cities: [city('Shanghai', '+08:00', [58, 246], [116, 228]), city('Shenzhen', '+08:00', [112, 97])],
    given: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Jun', 'Yan', 'Hao', 'Xiu', 'Ying'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
    native: {
      Wei: '伟', Fang: '芳', Jing: '静', Lei: '磊', Min: '敏', Jun: '军', Yan: '艳', Hao: '浩', Xiu: '秀', Ying: '颖',
      Wang: '王', Li: '李', Zhang: '张', Liu: '刘', Chen: '陈', Yang: '杨', Huang: '黄', Zhao: '赵', Wu: '吴', Zhou: '周',
    },
  },
  {
    tag: 'ko-KR',
    country: 'South Korea',
    weight: 2,
    phone: (d) => `+8210${d.slice(0, 8)}`,
    cities: [city('Seoul', '+09:00', [121, 134], [211, 36]), city('Busan', '+09:00', [175, 200])],
    given: ['Minjun', 'Seoyeon', 'Jiho', 'Jiwoo', 'Hyun', 'Soyeon', 'Doyun', 'Hayoon'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
    native: {
      Minjun: '민준', Seoyeon: '서연', Jiho: '지호', Jiwoo: '지우', Hyun: '현', Soyeon: '소연', Doyun: '도윤', Hayoon: '하윤',
      Kim: '김', Lee: '이', Park: '박', Choi: '최', Jung: '정', Kang: '강', Cho: '조', Yoon: '윤',
    },
  },
  {
    tag: 'vi-VN',
    country: 'Vietnam',
    weight: 2,
    phone: (d) => `+849${d.slice(0, 8)}`,
    cities: [city('Ho Chi Minh City', '+07:00', [113, 161], [14, 169]), city('Hanoi', '+07:00', [113, 190])],
    given: ['Anh', 'Bảo', 'Linh', 'Minh', 'Phương', 'Quân', 'Thảo', 'Tuấn', 'Huyền', 'Dũng'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'],
  },
  {
    tag: 'en-NG',
    country: 'Nigeria',
    weight: 2,
    phone: (d) => `+23480${d.slice(0, 8)}`,
    cities: [city('Lagos', '+01:00', [102, 89], [105, 112]), city('Abuja', '+01:00', [197, 210])],
    given: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Amaka', 'Emeka', 'Funmilayo', 'Tunde', 'Chiamaka', 'Ifeanyi', 'Adaeze'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Obi', 'Adebayo', 'Nwosu', 'Bello', 'Afolabi'],
  },
  {
    tag: 'ar-EG',
    country: 'Egypt',
    weight: 1,
    phone: (d) => `+2010${d.slice(0, 8)}`,
    cities: [city('Cairo', '+02:00', [41, 234], [156, 204])],
    given: ['Omar', 'Nour', 'Youssef', 'Mariam', 'Karim', 'Salma', 'Ahmed', 'Laila'],
    family: ['Hassan', 'Mahmoud', 'Ibrahim', 'Mostafa', 'Farouk', 'Sayed', 'Nasser', 'Khalil'],
  },
  {
    tag: 'en-AU',
    country: 'Australia',
    weight: 3,
    phone: (d) => `+614${d.slice(0, 8)}`,
    cities: [city('Sydney', '+10:00', [101, 160], [120, 151]), city('Melbourne', '+10:00', [49, 180])],
    given: ['Charlotte', 'Jack', 'Matilda', 'Cooper', 'Ruby', 'Lachlan', 'Sienna', 'Hamish', 'Isla', 'Angus'],
    family: ['Kelly', 'Ryan', 'Mitchell', 'Murphy', 'Stewart', 'Morrison', "O'Connor", 'Sullivan', 'McDonald', 'Fraser'],
  },
  {
    tag: 'en-CA',
    country: 'Canada',
    weight: 3,
    phone: (d) => `+1${d.slice(0, 3)}555${d.slice(3, 7)}`,
    cities: [city('Toronto', '-05:00', [70, 26], [99, 229]), city('Montréal', '-05:00', [70, 81]), city('Vancouver', '-08:00', [24, 85])],
    given: ['Benjamin', 'Emily', 'Owen', 'Léa', 'Samuel', 'Zoé', 'Nathan', 'Maëlle', 'Connor', 'Brooke'],
    family: ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'MacLeod', 'Campbell', 'Chan', 'Singh'],
  },
];

/** Places the takeover story's attacker signs in from: data-centre and proxy locations far from the victim. */
export const ATTACK_CITIES: ReadonlyArray<{ country: string; city: City }> = [
  { country: 'Netherlands', city: city('Amsterdam', '+01:00', [185, 220], [45, 137]) },
  { country: 'Singapore', city: city('Singapore', '+08:00', [103, 152], [139, 59]) },
  { country: 'Romania', city: city('Bucharest', '+02:00', [86, 105], [188, 214]) },
  { country: 'Vietnam', city: city('Hanoi', '+07:00', [113, 190]) },
  { country: 'Brazil', city: city('Fortaleza', '-03:00', [177, 54]) },
  { country: 'United States', city: city('Ashburn', '-05:00', [3, 80], [54, 209]) },
];

/** Browser and operating-system pairs as Cognito reports them in DeviceName. */
export const DEVICE_NAMES: readonly string[] = [
  'Chrome 124, Windows 10',
  'Chrome 125, Windows 11',
  'Edge 124, Windows 11',
  'Firefox 126, Windows 10',
  'Safari 17, macOS 14',
  'Chrome 125, macOS 14',
  'Firefox 125, Ubuntu',
  'Safari 17, iOS 17',
  'Safari 16, iOS 16',
  'Chrome 124, Android 14',
  'Samsung Internet 24, Android 13',
  'Chrome 125, ChromeOS',
];

/** Device names seen only from the takeover story's attacker. */
export const ATTACKER_DEVICE_NAMES: readonly string[] = [
  'Chrome 109, Windows 7',
  'Firefox 115, Linux',
  'Other, Other',
  'Chrome 98, Linux',
  'Opera 95, Windows 10',
];

const FOLDED: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ß: 'ss', đ: 'd', Đ: 'D', ı: 'i', æ: 'ae', å: 'a',
};

const foldCache = new Map<string, string>();

/** ASCII form of a name for usernames and email addresses: accents dropped, apostrophes and spaces removed. */
export function asciiFold(text: string): string {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = text
      .replace(/[\u00F8\u00D8\u0142\u0141\u00DF\u0111\u0110\u0131\u00E6\u00E5]/g, (ch) => FOLDED[ch])
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]/g, '');
    foldCache.set(text, folded);
  }
  return folded;
}
