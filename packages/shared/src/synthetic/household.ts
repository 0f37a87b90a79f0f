/**
 * Synthetic households (famiglie anagrafiche) with ANPR kinship codes (tabella 5). Shares by
 * type follow ISTAT household statistics roughly: one person ~33%, couples without children
 * ~20%, couples with children ~31%, single parents ~10%, extended ~6%.
 */
import { AGE, ageAt, birthDateForAge, dayToIso, isoToDay } from './dates.js';
import type { Community } from './names-foreign.js';
import { generatePerson, pickOrigin } from './person.js';
import { prepare, randomAddress, type PreparedContext } from './places.js';
import { Rng, weighted } from './rng.js';
import {
  ITALY_ISO_NUMERIC,
  KINSHIP,
  type Address,
  type HouseholdMember,
  type KinshipCode,
  type SyntheticContext,
  type SyntheticHousehold,
  type SyntheticPerson,
} from './types.js';

type HouseholdType = 'single' | 'couple' | 'coupleWithChildren' | 'singleParent' | 'extended';

const ITALIAN_TYPES = weighted<HouseholdType>([
  ['single', 33], ['couple', 20], ['coupleWithChildren', 31], ['singleParent', 10], ['extended', 6],
]);
const FOREIGN_TYPES = weighted<HouseholdType>([
  ['single', 30], ['couple', 12], ['coupleWithChildren', 40], ['singleParent', 10], ['extended', 8],
]);
const CHILD_COUNT = weighted([[1, 47], [2, 41], [3, 10], [4, 2]] as const);
/** Married, cohabiting, civil union (L. 76/2016; same sex). */
const PARTNER_BOND = weighted<KinshipCode>([[KINSHIP.spouse, 80], [KINSHIP.cohabitant, 17], [KINSHIP.civilUnion, 3]]);

interface Builder {
  rng: Rng;
  ctx: SyntheticContext;
  p: PreparedContext;
  origin: Community | null;
  residence: Address;
  members: HouseholdMember[];
}

function add(b: Builder, person: SyntheticPerson, kinship: KinshipCode): SyntheticPerson {
  b.members.push({ ...person, kinship });
  return person;
}

function shiftYears(rng: Rng, birthDate: string, years: number): string {
  return dayToIso(isoToDay(birthDate) + Math.round(years * 365.2425) + rng.int(-150, 150));
}

function addPartner(b: Builder, head: SyntheticPerson): SyntheticPerson {
  const bond = PARTNER_BOND.pick(b.rng);
  const sex = bond === KINSHIP.civilUnion ? head.sex : head.sex === 'M' ? 'F' : 'M';
  // Men are on average about 3 years older than their partners.
  const gap = b.rng.normal(head.sex === 'M' ? -3 : 3, 4);
  let birthDate = shiftYears(b.rng, head.birthDate, -gap);
  if (ageAt(birthDate, b.p.referenceDate) < 18) birthDate = shiftYears(b.rng, head.birthDate, 0);
  // A few Italian households have a partner born abroad (mixed couples).
  const origin = !b.origin && b.rng.chance(0.04) ? pickOrigin(b.rng, { ...b.p, foreignRate: 1 }) : b.origin;
  const citizenships = origin && !b.origin ? [ITALY_ISO_NUMERIC, origin.isoNumeric] : undefined;
  const partner = generatePerson(b.rng, b.ctx, {
    origin, sex, birthDate, residence: b.residence, ...(citizenships ? { citizenships } : {}),
  });
  return add(b, partner, bond);
}

function addChildren(b: Builder, parents: SyntheticPerson[], surnameFrom: SyntheticPerson): void {
  const mother = parents.find((x) => x.sex === 'F') ?? parents[0];
  const father = parents.find((x) => x.sex === 'M');
  if (!mother) return;
  const motherAge = ageAt(mother.birthDate, b.p.referenceDate);
  // Mother aged 18–43 at birth; children living at home are at most 35.
  const minAtBirth = Math.max(18, motherAge - 35);
  const maxAtBirth = Math.min(43, motherAge);
  if (minAtBirth > maxAtBirth) return;
  const n = CHILD_COUNT.pick(b.rng);
  for (let i = 0; i < n; i++) {
    const atBirth = b.rng.int(minAtBirth, maxAtBirth);
    const birthDate = shiftYears(b.rng, mother.birthDate, atBirth + b.rng.next());
    if (birthDate >= b.p.referenceDate) continue;
    const sex = b.rng.chance(0.485) ? 'F' : 'M';
    const surname = childSurname(b, surnameFrom, father, mother, sex);
    // Children of immigrants born since the 1990s are mostly born in Italy.
    const bornInItaly = b.origin ? b.rng.chance(birthDate >= '1995-01-01' ? 0.7 : 0.2) : undefined;
    const child = generatePerson(b.rng, b.ctx, {
      origin: b.origin, sex, birthDate, surname, residence: b.residence,
      ...(bornInItaly !== undefined ? { bornInItaly } : {}),
      citizenships: [...surnameFrom.citizenships],
    });
    add(b, child, KINSHIP.child);
  }
}

function childSurname(
  b: Builder,
  from: SyntheticPerson,
  father: SyntheticPerson | undefined,
  mother: SyntheticPerson,
  sex: 'M' | 'F',
): string {
  if (b.origin?.surnameStyle === 'hispanic' && father) {
    return `${father.surname.split(' ')[0]} ${mother.surname.split(' ')[0]}`;
  }
  if (sex === 'F' && b.origin?.femaleSurnames) return b.rng.pick(b.origin.femaleSurnames);
  return (father ?? from).surname;
}

/** Generates one household living at one address, head first. */
export function generateHousehold(rng: Rng, ctx: SyntheticContext): SyntheticHousehold {
  const p = prepare(ctx);
  const origin = pickOrigin(rng, p);
  const type = (origin ? FOREIGN_TYPES : ITALIAN_TYPES).pick(rng);
  const b: Builder = { rng, ctx, p, origin, residence: randomAddress(rng, p), members: [] };
  const ages = origin ? AGE.foreignAdult : type === 'single' ? AGE.italianSingle : AGE.italianAdult;
  const headSex =
    type === 'single' ? (rng.chance(0.55) ? 'F' : 'M') : type === 'singleParent' ? (rng.chance(0.8) ? 'F' : 'M') : rng.chance(0.3) ? 'F' : 'M';
  const head = add(
    b,
    generatePerson(rng, ctx, {
      origin, sex: headSex, birthDate: birthDateForAge(rng, ages.pick(rng), p.referenceDay), residence: b.residence,
    }),
    KINSHIP.head,
  );
  if (type === 'couple' || type === 'coupleWithChildren' || type === 'extended') {
    const partner = addPartner(b, head);
    if (type !== 'couple') addChildren(b, [head, partner], head.sex === 'M' ? head : partner);
  } else if (type === 'singleParent') {
    addChildren(b, [head], head);
  }
  if (type === 'extended') {
    // An elderly parent of the head, or else a sibling, lives with the family.
    const parentAge = ageAt(head.birthDate, p.referenceDate) + rng.int(22, 38);
    if (parentAge <= 100) {
      const sex = rng.chance(0.7) ? 'F' : 'M';
      const parent = generatePerson(rng, ctx, {
        origin, sex, birthDate: birthDateForAge(rng, parentAge, p.referenceDay), residence: b.residence,
        ...(sex === 'M' ? { surname: head.surname } : {}),
      });
      add(b, parent, KINSHIP.parent);
    } else {
      // Otherwise a brother or sister within a few years of the head.
      let birthDate = shiftYears(rng, head.birthDate, rng.normal(0, 5));
      if (birthDate >= p.referenceDate) birthDate = head.birthDate;
      add(b, generatePerson(rng, ctx, { origin, birthDate, surname: head.surname, residence: b.residence }), KINSHIP.sibling);
    }
  }
  return { residence: b.residence, members: b.members };
}
