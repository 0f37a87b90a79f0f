/**
 * Main foreign communities resident in Italy with typical names, compiled by hand.
 * `stateCode` is the ANPR Belfiore Z-code of the state (ANPR tabella 2, `anpr_stati_esteri.csv`,
 * column `codat`) used in the codice fiscale; `isoNumeric` is the ISO 3166-1 numeric code SIUSS
 * wants for citizenship. `weight` is the approximate number of residents in thousands (ISTAT,
 * foreign residents on 1 January 2023, rounded) and only sets relative frequencies.
 * Names are written as they appear on documents (Romanian ș/ț/ă, Spanish accents) so the
 * fiscal-code normalisation is exercised.
 */

export interface Community {
  /** ISO 3166-1 alpha-2 of the state. */
  key: string;
  stateCode: string;
  isoNumeric: number;
  weight: number;
  surnames: readonly string[];
  maleNames: readonly string[];
  femaleNames: readonly string[];
  /** Surnames borne by women only (e.g. Kaur, Begum); otherwise women use `surnames`. */
  femaleSurnames?: readonly string[];
  /** 'hispanic': two surnames, the father's first and the mother's first. */
  surnameStyle?: 'hispanic';
}

export const FOREIGN_COMMUNITIES: readonly Community[] = [
  {
    key: 'RO', stateCode: 'Z129', isoNumeric: 642, weight: 1080,
    surnames: ['Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Marin', 'Mihai', 'Lungu', 'Țurcanu', 'Ștefănescu', 'Tănase', 'Dobre', 'Barbu', 'Nistor', 'Florea', 'Iordache'],
    maleNames: ['Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Florin', 'Marius', 'Gheorghe', 'Ion', 'Vasile', 'Constantin', 'Daniel', 'Adrian', 'Cristian', 'Ștefan', 'Bogdan', 'Răzvan', 'Cătălin', 'Gabriel'],
    femaleNames: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Mihaela', 'Ana', 'Cristina', 'Alexandra', 'Gabriela', 'Daniela', 'Georgiana', 'Florentina', 'Loredana', 'Ramona', 'Roxana', 'Simona', 'Nicoleta', 'Mădălina'],
  },
  {
    key: 'MA', stateCode: 'Z330', isoNumeric: 504, weight: 420,
    surnames: ['El Amrani', 'Benali', 'El Idrissi', 'Bennani', 'El Fassi', 'Alaoui', 'Tazi', 'Berrada', 'Chraibi', 'El Khatib', 'Ouali', 'Bouzid', 'Haddad', 'Naciri', 'Rahmouni', 'El Mansouri', 'Ait Ali', 'Zerouali', 'Ouahbi', 'Lahlou'],
    maleNames: ['Mohamed', 'Ahmed', 'Youssef', 'Hamza', 'Mustapha', 'Rachid', 'Said', 'Abdelaziz', 'Karim', 'Omar', 'Hicham', 'Khalid', 'Anas', 'Ayoub', 'Mehdi', 'Adam', 'Ilyas'],
    femaleNames: ['Fatima', 'Khadija', 'Aicha', 'Fatima Zahra', 'Salma', 'Meryem', 'Nadia', 'Samira', 'Hanane', 'Latifa', 'Naima', 'Imane', 'Sara', 'Yasmine', 'Zineb', 'Hajar'],
  },
  {
    key: 'AL', stateCode: 'Z100', isoNumeric: 8, weight: 416,
    surnames: ['Hoxha', 'Shehu', 'Leka', 'Dervishi', 'Basha', 'Berisha', 'Kola', 'Marku', 'Gjoka', 'Çela', 'Prifti', 'Duka', 'Lika', 'Meta', 'Rama', 'Mema', 'Hysa', 'Zeneli', 'Brahimi', 'Muça'],
    maleNames: ['Arben', 'Besnik', 'Dritan', 'Ermal', 'Gentian', 'Ilir', 'Klodian', 'Altin', 'Artan', 'Erion', 'Fatos', 'Bledar', 'Elton', 'Kristian', 'Luan', 'Mario', 'Arjan', 'Sokol'],
    femaleNames: ['Anila', 'Blerina', 'Elona', 'Entela', 'Ermira', 'Fatjona', 'Jonida', 'Klea', 'Mirela', 'Rovena', 'Valbona', 'Xhensila', 'Elira', 'Aurora', 'Alba', 'Enkeleda'],
  },
  {
    key: 'CN', stateCode: 'Z210', isoNumeric: 156, weight: 308,
    surnames: ['Hu', 'Chen', 'Wang', 'Zhang', 'Li', 'Liu', 'Lin', 'Zhou', 'Huang', 'Wu', 'Xu', 'Ye', 'Zheng', 'Jin', 'Pan', 'Zhu', 'Dong', 'Ji', 'Yang', 'Zhao'],
    maleNames: ['Wei', 'Jie', 'Hao', 'Jun', 'Lei', 'Ming', 'Tao', 'Yong', 'Qiang', 'Bin', 'Hui', 'Jianguo', 'Zhiwei', 'Marco', 'Luca'],
    femaleNames: ['Mei', 'Xiaoyan', 'Yan', 'Jing', 'Ying', 'Fang', 'Lin', 'Xiu', 'Hong', 'Min', 'Lili', 'Yun', 'Giulia', 'Sofia'],
  },
  {
    key: 'UA', stateCode: 'Z138', isoNumeric: 804, weight: 249,
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Boyko', 'Melnyk', 'Kovalchuk', 'Oliynyk', 'Lysenko', 'Moroz', 'Marchenko', 'Savchenko', 'Rudenko', 'Petrenko'],
    maleNames: ['Oleksandr', 'Andriy', 'Serhiy', 'Volodymyr', 'Mykola', 'Ivan', 'Dmytro', 'Yuriy', 'Vasyl', 'Taras'],
    femaleNames: ['Olena', 'Natalia', 'Oksana', 'Tetiana', 'Iryna', 'Svitlana', 'Yulia', 'Halyna', 'Liudmyla', 'Nadiya', 'Mariya', 'Anastasiia'],
  },
  {
    key: 'IN', stateCode: 'Z222', isoNumeric: 356, weight: 165,
    surnames: ['Singh', 'Kumar', 'Sharma', 'Patel', 'Gill', 'Sandhu', 'Sidhu', 'Dhillon', 'Verma', 'Gupta', 'Das', 'Lal', 'Ram', 'Chand'],
    femaleSurnames: ['Kaur', 'Kaur', 'Kaur', 'Devi', 'Rani', 'Sharma', 'Patel', 'Gill'],
    maleNames: ['Gurpreet', 'Harpreet', 'Manpreet', 'Jaswinder', 'Sukhwinder', 'Rajinder', 'Amandeep', 'Kuldeep', 'Rajesh', 'Sunil', 'Vijay', 'Ravi', 'Arjun', 'Harjit'],
    femaleNames: ['Harpreet', 'Manpreet', 'Simran', 'Jaspreet', 'Kamaljit', 'Gurleen', 'Priya', 'Pooja', 'Neha', 'Sunita', 'Anjali', 'Kiran'],
  },
  {
    key: 'BD', stateCode: 'Z249', isoNumeric: 50, weight: 158,
    surnames: ['Hossain', 'Rahman', 'Ahmed', 'Islam', 'Uddin', 'Miah', 'Chowdhury', 'Alam', 'Haque', 'Sarkar', 'Sheikh', 'Mollah'],
    femaleSurnames: ['Akter', 'Begum', 'Khatun', 'Rahman', 'Islam', 'Sultana'],
    maleNames: ['Mohammad', 'Abdul', 'Rafiqul', 'Shahidul', 'Jahangir', 'Kamal', 'Rubel', 'Sumon', 'Shakil', 'Faruk', 'Mizanur'],
    femaleNames: ['Nasrin', 'Fatema', 'Shirin', 'Rina', 'Taslima', 'Rokeya', 'Jannatul', 'Sadia', 'Farzana', 'Mitu'],
  },
  {
    key: 'PH', stateCode: 'Z216', isoNumeric: 608, weight: 158,
    surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz', 'De Leon', 'Ramos', 'Aquino', 'Villanueva', 'Castillo', 'Fernandez', 'Gonzales', 'Navarro', 'Flores', 'Torres', 'Tolentino', 'Mercado', 'Manalo'],
    maleNames: ['Jose', 'Juan', 'Mark', 'John Paul', 'Christian', 'Jerome', 'Ramon', 'Rodel', 'Arnel', 'Rogelio', 'Jomar', 'Jhon'],
    femaleNames: ['Maria Cristina', 'Marites', 'Rosalie', 'Jocelyn', 'Marilou', 'Lorna', 'Analyn', 'Jennifer', 'Mary Grace', 'Rowena', 'Lovely', 'Kristine'],
  },
  {
    key: 'EG', stateCode: 'Z336', isoNumeric: 818, weight: 140,
    surnames: ['Mohamed', 'Ahmed', 'Hassan', 'Ali', 'Ibrahim', 'Mahmoud', 'Abdelrahman', 'Mostafa', 'Youssef', 'Salem', 'Farouk', 'Gaber', 'Abdallah', 'El Sayed', 'Soliman', 'Ramadan'],
    maleNames: ['Mohamed', 'Ahmed', 'Mahmoud', 'Mostafa', 'Omar', 'Karim', 'Amr', 'Tarek', 'Hany', 'Sherif', 'Walid', 'Islam'],
    femaleNames: ['Mona', 'Heba', 'Rania', 'Dina', 'Nour', 'Yasmin', 'Mariam', 'Aya', 'Nesma', 'Shaimaa', 'Amira', 'Hoda'],
  },
  {
    key: 'PK', stateCode: 'Z236', isoNumeric: 586, weight: 135,
    surnames: ['Khan', 'Ahmed', 'Ali', 'Hussain', 'Butt', 'Malik', 'Iqbal', 'Akhtar', 'Shah', 'Raza', 'Javed', 'Aslam', 'Rehman', 'Mahmood', 'Bashir'],
    maleNames: ['Muhammad', 'Ali', 'Imran', 'Asif', 'Tariq', 'Usman', 'Bilal', 'Kashif', 'Zeeshan', 'Waqas', 'Adnan', 'Faisal'],
    femaleNames: ['Ayesha', 'Fatima', 'Zainab', 'Sana', 'Amna', 'Hina', 'Saima', 'Nadia', 'Rabia', 'Mehwish'],
  },
  {
    key: 'NG', stateCode: 'Z335', isoNumeric: 566, weight: 119,
    surnames: ['Okafor', 'Okonkwo', 'Eze', 'Nwosu', 'Adeyemi', 'Ogunleye', 'Oladipo', 'Bello', 'Ibrahim', 'Musa', 'Obi', 'Chukwu', 'Igwe', 'Osagie', 'Ehigiator', 'Omoregie', 'Idahosa', 'Osaro'],
    maleNames: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Osas', 'Efosa', 'Godwin', 'Samuel', 'Emmanuel', 'Victor', 'Uche', 'Kingsley', 'Friday', 'Sunday'],
    femaleNames: ['Blessing', 'Joy', 'Gift', 'Precious', 'Favour', 'Esther', 'Ngozi', 'Chiamaka', 'Osato', 'Grace', 'Peace', 'Mercy'],
  },
  {
    key: 'MD', stateCode: 'Z140', isoNumeric: 498, weight: 118,
    surnames: ['Ciobanu', 'Rusu', 'Cojocaru', 'Ceban', 'Lungu', 'Munteanu', 'Popa', 'Rotaru', 'Țurcanu', 'Botnaru', 'Cebotari', 'Sârbu', 'Bălan', 'Moraru', 'Guțu'],
    maleNames: ['Ion', 'Vasile', 'Sergiu', 'Andrei', 'Dumitru', 'Nicolae', 'Vladimir', 'Alexandru', 'Victor', 'Igor', 'Dorin', 'Vitalie'],
    femaleNames: ['Maria', 'Elena', 'Ana', 'Natalia', 'Tatiana', 'Olga', 'Svetlana', 'Cristina', 'Irina', 'Diana', 'Galina', 'Ludmila'],
  },
  {
    key: 'LK', stateCode: 'Z209', isoNumeric: 144, weight: 112,
    surnames: ['Perera', 'Fernando', 'Silva', 'De Silva', 'Jayasinghe', 'Wickramasinghe', 'Bandara', 'Kumara', 'Gunawardena', 'Dissanayake', 'Herath', 'Jayawardena', 'Ranasinghe'],
    maleNames: ['Nuwan', 'Chaminda', 'Sampath', 'Kasun', 'Ruwan', 'Pradeep', 'Saman', 'Lahiru', 'Tharindu', 'Dilshan'],
    femaleNames: ['Nadeeka', 'Chamari', 'Dilani', 'Sanduni', 'Kumari', 'Nilmini', 'Anusha', 'Tharushi', 'Priyanka', 'Shashika'],
  },
  {
    key: 'SN', stateCode: 'Z343', isoNumeric: 686, weight: 112,
    surnames: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Sy', 'Ba', 'Gueye', 'Diallo', 'Mbaye', 'Faye', 'Cisse', 'Diouf', 'Sarr', 'Seck', 'Niang', 'Thiam', 'Kane', 'Sall'],
    maleNames: ['Mamadou', 'Moussa', 'Ibrahima', 'Cheikh', 'Abdoulaye', 'Modou', 'Ousmane', 'Babacar', 'Serigne', 'Pape', 'Aliou', 'Malick'],
    femaleNames: ['Fatou', 'Aminata', 'Awa', 'Mariama', 'Khady', 'Astou', 'Ndeye', 'Coumba', 'Sokhna', 'Binta', 'Aissatou', 'Rokhaya'],
  },
  {
    key: 'TN', stateCode: 'Z352', isoNumeric: 788, weight: 98,
    surnames: ['Ben Ali', 'Trabelsi', 'Gharbi', 'Hammami', 'Jaziri', 'Mejri', 'Ayari', 'Bouazizi', 'Chaabane', 'Ferchichi', 'Jlassi', 'Mansouri', 'Sassi', 'Zouari', 'Ben Salah'],
    maleNames: ['Mohamed', 'Ahmed', 'Ali', 'Sami', 'Karim', 'Walid', 'Anis', 'Hichem', 'Nabil', 'Bilel', 'Mehdi', 'Aymen'],
    femaleNames: ['Amel', 'Sonia', 'Ines', 'Rim', 'Salma', 'Nesrine', 'Olfa', 'Leila', 'Sarra', 'Wafa', 'Hela', 'Mouna'],
  },
  {
    key: 'PE', stateCode: 'Z611', isoNumeric: 604, weight: 90, surnameStyle: 'hispanic',
    surnames: ['Quispe', 'Mamani', 'Flores', 'Rodríguez', 'García', 'Huamán', 'Chávez', 'Sánchez', 'Ramírez', 'Torres', 'Mendoza', 'Vásquez', 'Rojas', 'Gutiérrez', 'Castillo', 'Pérez', 'Díaz', 'Espinoza'],
    maleNames: ['José', 'Luis', 'Carlos', 'Jorge', 'Juan Carlos', 'César', 'Víctor', 'Miguel Ángel', 'Jesús', 'Fernando', 'Julio', 'Raúl'],
    femaleNames: ['María', 'Rosa', 'Carmen', 'Luz', 'Ana María', 'Milagros', 'Gladys', 'Elizabeth', 'Yolanda', 'Patricia', 'Juana', 'Sonia'],
  },
  {
    key: 'EC', stateCode: 'Z605', isoNumeric: 218, weight: 69, surnameStyle: 'hispanic',
    surnames: ['Zambrano', 'Mendoza', 'Vera', 'Cedeño', 'Macías', 'Moreira', 'Vélez', 'Intriago', 'Bravo', 'Loor', 'Andrade', 'Ortiz', 'Chávez', 'Salazar', 'Guamán'],
    maleNames: ['Luis', 'José', 'Carlos', 'Jorge', 'Segundo', 'Byron', 'Jefferson', 'Kevin', 'Bryan', 'Edison', 'Wilson', 'Fausto'],
    femaleNames: ['María', 'Jessica', 'Mayra', 'Gabriela', 'Verónica', 'Diana', 'Erika', 'Nathaly', 'Janeth', 'Mercedes'],
  },
];

/**
 * States where Italians are often born abroad (emigration and return), Belfiore Z-codes from
 * ANPR tabella 2, with relative weights. Used for Italian citizens born abroad.
 */
export const EMIGRATION_STATES: ReadonlyArray<readonly [string, number]> = [
  ['Z112', 30], ['Z133', 25], ['Z110', 12], ['Z103', 8], ['Z600', 10], ['Z602', 5], ['Z614', 4],
  ['Z114', 3], ['Z404', 2], ['Z700', 2], ['Z401', 2],
];
