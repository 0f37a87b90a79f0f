/**
 * Street names for synthetic addresses: the toponym type (DUG, "denominazione urbanistica
 * generica", as in the ANNCSU street registry) and the most common Italian street dedications.
 * Relative weights reflect that "Via" is by far the most frequent type.
 */

export const STREET_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['Via', 70], ['Viale', 6], ['Piazza', 6], ['Corso', 4], ['Largo', 2], ['Vicolo', 3], ['Strada', 3],
  ['Contrada', 2], ['Località', 2], ['Piazzale', 1], ['Borgo', 1],
];

export const STREET_NAMES: readonly string[] = [
  'Roma', 'Giuseppe Garibaldi', 'Giuseppe Mazzini', 'Vittorio Emanuele II', 'Camillo Benso di Cavour', 'Dante Alighieri',
  'Giacomo Matteotti', 'Umberto I', 'della Repubblica', 'XX Settembre', 'IV Novembre', 'XXV Aprile', 'Primo Maggio',
  'Guglielmo Marconi', 'Alessandro Manzoni', 'Giuseppe Verdi', 'Antonio Gramsci', 'della Libertà', 'Italia',
  'Europa', 'Trieste', 'Trento', 'Milano', 'Napoli', 'Venezia', 'Firenze', 'San Francesco', 'Sant\'Antonio',
  'San Giovanni', 'San Rocco', 'Santa Maria', 'della Chiesa', 'del Municipio', 'della Stazione', 'del Mercato',
  'Cesare Battisti', 'Nazario Sauro', 'Goffredo Mameli', 'Giovanni Pascoli', 'Giosuè Carducci', 'Ugo Foscolo',
  'Giacomo Leopardi', 'Galileo Galilei', 'Leonardo da Vinci', 'Cristoforo Colombo', 'Amerigo Vespucci',
  'Don Giovanni Minzoni', 'Don Luigi Sturzo', 'Aldo Moro', 'Giovanni Falcone', 'Paolo Borsellino', 'Sandro Pertini',
  'Luigi Einaudi', 'Enrico Fermi', 'Alcide De Gasperi', 'Piero Gobetti', 'Fratelli Rosselli', 'dei Mille',
  'delle Rimembranze', 'dei Caduti', 'della Resistenza', 'della Pace', 'del Lavoro', 'dell\'Industria',
  'dell\'Artigianato', 'dei Tigli', 'dei Pini', 'degli Ulivi', 'delle Rose', 'dei Gelsi', 'delle Vigne',
  'del Sole', 'della Costituzione', 'Gorizia', 'Fiume', 'Zara', 'Pola', 'Monte Grappa', 'Piave', 'Isonzo',
  'Monte Bianco', 'Po', 'Tevere', 'Adige', 'Carlo Alberto', 'Regina Margherita', 'Principe Amedeo',
  'Nino Bixio', 'Ippolito Nievo', 'Silvio Pellico', 'Ciro Menotti', 'Fratelli Bandiera', 'Carlo Pisacane',
  'Pietro Nenni', 'Filippo Turati', 'Giuseppe Di Vittorio', 'Nilde Iotti', 'Grazia Deledda', 'Maria Montessori',
  'Rita Levi-Montalcini', 'Madre Teresa di Calcutta', 'Papa Giovanni XXIII', 'Padre Pio', 'Martiri della Libertà',
];
