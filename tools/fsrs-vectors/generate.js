'use strict';
// Replays random review histories through ts-fsrs (the FSRS-6 reference implementation) and writes what it
// answers as test vectors for the Java scheduler (shared-kernel, com.memora.kernel.srs.fsrs).
//
// Everything here is deterministic: a fixed-seed PRNG picks settings, ratings and gaps, so running the script
// twice writes byte-identical files. See README.md for the command and the file format.

const fs = require('fs');
const path = require('path');
const { fsrs, createEmptyCard, generatorParameters, CLAMP_PARAMETERS, FSRSVersion } = require('ts-fsrs');

const PINNED_VERSION = require('./package.json').dependencies['ts-fsrs'];
const OUT_DIR = path.resolve(__dirname, '../../shared-kernel/src/test/resources/fsrs');
const SEED = 20260601;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------------------------
// A small seeded PRNG (sfc32), so the vectors do not depend on Math.random.
function sfc32(a, b, c, d) {
  return function () {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, SEED);
for (let i = 0; i < 20; i++) rand();

const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const logUniform = (lo, hi) => Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));
function weighted(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings, in the form the Java FsrsParameters record takes (steps in whole minutes).
const DEFAULTS = generatorParameters({});
const toMinutes = (step) => ({ m: 1, h: 60, d: 1440 })[step.slice(-1)] * parseInt(step.slice(0, -1), 10);
const toStep = (minutes) =>
  minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;

const defaultSettings = {
  weights: [...DEFAULTS.w],
  desiredRetention: DEFAULTS.request_retention,
  maximumIntervalDays: DEFAULTS.maximum_interval,
  learningStepsMinutes: DEFAULTS.learning_steps.map(toMinutes),
  relearningStepsMinutes: DEFAULTS.relearning_steps.map(toMinutes),
  enableFuzz: DEFAULTS.enable_fuzz,
  enableShortTerm: DEFAULTS.enable_short_term,
};

function randomWeights() {
  // Mostly inside ts-fsrs's clamp ranges, sometimes outside them (ts-fsrs clips; so must the Java side).
  return CLAMP_PARAMETERS(2, true).map(([min, max]) => {
    const span = max - min;
    const w = rand() < 0.1 ? min - 0.2 * span + rand() * 1.4 * span : min + rand() * span;
    return Math.round(w * 1e4) / 1e4;
  });
}

const settings = {
  default: defaultSettings,
  fuzz: { ...defaultSettings, enableFuzz: true },
  'long-term': { ...defaultSettings, enableShortTerm: false },
  'long-term-fuzz': { ...defaultSettings, enableShortTerm: false, enableFuzz: true },
  'retention-0.8-max-365': {
    ...defaultSettings, desiredRetention: 0.8, maximumIntervalDays: 365,
    learningStepsMinutes: [5, 30, 60], relearningStepsMinutes: [10, 60],
  },
  'retention-0.97-max-180-no-steps': {
    ...defaultSettings, desiredRetention: 0.97, maximumIntervalDays: 180,
    learningStepsMinutes: [], relearningStepsMinutes: [],
  },
  'day-long-steps': {
    ...defaultSettings, desiredRetention: 0.85,
    learningStepsMinutes: [10, 1440], relearningStepsMinutes: [30, 2880],
  },
  'max-30-fuzz': { ...defaultSettings, maximumIntervalDays: 30, enableFuzz: true },
};
for (let i = 1; i <= 7; i++) {
  settings[`random-weights-${i}`] = {
    ...defaultSettings,
    weights: randomWeights(),
    desiredRetention: [0.7, 0.8, 0.85, 0.9, 0.95][randInt(0, 4)],
    relearningStepsMinutes: i % 2 === 0 ? [10, 30, 120] : [10],
    enableShortTerm: i !== 7,
    enableFuzz: i === 3,
  };
}

// How many histories each setting gets, and how long they are.
const plan = [
  ['default', 200, 300],
  ['fuzz', 30, 150],
  ['long-term', 30, 150],
  ['long-term-fuzz', 10, 150],
  ['retention-0.8-max-365', 15, 150],
  ['retention-0.97-max-180-no-steps', 15, 150],
  ['day-long-steps', 15, 150],
  ['max-30-fuzz', 10, 150],
  ...Object.keys(settings).filter((id) => id.startsWith('random-weights-')).map((id) => [id, 5, 150]),
];

const toTsFsrs = (s) => ({
  w: s.weights,
  request_retention: s.desiredRetention,
  maximum_interval: s.maximumIntervalDays,
  learning_steps: s.learningStepsMinutes.map(toStep),
  relearning_steps: s.relearningStepsMinutes.map(toStep),
  enable_fuzz: s.enableFuzz,
  enable_short_term: s.enableShortTerm,
});

// ---------------------------------------------------------------------------------------------------------------
// Histories.
const RATING_PROFILES = [
  [1, 1, 1, 1], // anything goes
  [1, 1, 6, 3], // a good learner: stabilities grow to years
  [5, 3, 2, 1], // a struggling learner: lapses and relearning
  [1, 0, 2, 6], // mostly Easy: long intervals, the maximum-interval clamp
];

function nextGap(prev, card) {
  const style = weighted([40, 30, 15, 10, 5]);
  switch (style) {
    case 0: // anything from a second to six months
      return logUniform(1000, 180 * DAY);
    case 1: { // around the due time, as a diligent player would
      const untilDue = card.due.getTime() - prev;
      if (untilDue > 3 * 365 * DAY) return logUniform(1000, 180 * DAY);
      return Math.max(0, Math.round(untilDue * (0.85 + 0.3 * rand())) + randInt(-5 * MINUTE, 5 * MINUTE));
    }
    case 2: { // a few minutes either side of a UTC midnight: the calendar-day rule for elapsed days
      const midnight = Math.floor(prev / DAY) * DAY + randInt(1, 3) * DAY;
      return Math.max(0, midnight + randInt(-20 * MINUTE, 20 * MINUTE) - prev);
    }
    case 3: // within the learning steps
      return randInt(0, 30 * MINUTE);
    default: // seconds, including the same millisecond
      return randInt(0, 59999);
  }
}

function checkCard(card, reviewedAt, where) {
  if (card.last_review.getTime() !== reviewedAt) throw new Error(`${where}: last_review is not the review time`);
  for (const key of ['stability', 'difficulty']) {
    if (!Number.isFinite(card[key])) throw new Error(`${where}: ${key} is ${card[key]}`);
  }
}

const START_MIN = Date.UTC(2020, 0, 1);
const START_MAX = Date.UTC(2030, 0, 1);
const histories = [];
let reviewCount = 0;
for (const [settingsId, count, maxLength] of plan) {
  const scheduler = fsrs(toTsFsrs(settings[settingsId]));
  for (let h = 0; h < count; h++) {
    const start = START_MIN + Math.floor(rand() * (START_MAX - START_MIN));
    const length = logUniform(10, maxLength);
    const profile = RATING_PROFILES[randInt(0, RATING_PROFILES.length - 1)];
    let card = createEmptyCard(new Date(start));
    let time = start;
    const reviews = [];
    for (let i = 0; i < length; i++) {
      const gap = nextGap(time, card);
      time += gap;
      const now = new Date(time);
      const rating = weighted(profile) + 1;
      const retrievabilityBefore = scheduler.get_retrievability(card, now, false);
      card = scheduler.next(card, now, rating).card;
      checkCard(card, time, `${settingsId} history ${h} review ${i}`);
      reviews.push([
        gap, rating, card.state, card.due.getTime() - time,
        card.stability, card.difficulty, card.learning_steps, card.reps, card.lapses, card.scheduled_days,
        retrievabilityBefore,
      ]);
    }
    reviewCount += reviews.length;
    histories.push({ settings: settingsId, start, reviews });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Math vectors: V8's Math.pow (which Java's StrictMath.pow does not reproduce bit for bit) over the ranges the
// scheduler uses, and Number#toString of D×S products (the fuzz seed is built from that string).
const powCases = [];
for (let i = 0; i < 4000; i++) {
  const kind = i % 4;
  const x = kind === 0 ? 0.001 + rand() * 40000          // stability, stability + 1
    : kind === 1 ? 1 + rand() * 9                        // difficulty
    : kind === 2 ? 1 + rand() * rand() * 500             // 1 + factor·t/S
    : 0.5 + rand() * 0.5;                                // desired retention
  const y = kind === 3 ? -1 / (0.1 + rand() * 0.7) : (rand() - 0.5) * 2;
  powCases.push([x, y, Math.pow(x, y)]);
}
const numberCases = [];
const round8 = (v) => Math.round(v * 1e8) / 1e8;
for (let i = 0; i < 3000; i++) {
  const v = i % 3 === 0 ? round8(1 + rand() * 9) * round8(0.001 + rand() * 36500)
    : i % 3 === 1 ? Math.exp((rand() - 0.5) * 80)
    : round8(rand() * 100);
  numberCases.push([v, String(v)]);
}
numberCases.push([0, '0'], [1e21, '1e+21'], [1e-7, '1e-7'], [123e-20, '1.23e-18'], [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'], [0.000001, '0.000001'], [123456789012345680000, '123456789012345680000']);
// +x.toFixed(8) (get_retrievability applies it to the stability): 8-decimal values and values just beside them.
const toFixedCases = [];
for (let i = 0; i < 2000; i++) {
  const exact = Math.floor(rand() * 3.65e12) / 1e8;
  const v = i % 2 === 0 ? exact : exact + (rand() - 0.5) * 1e-8;
  toFixedCases.push([v, +v.toFixed(8)]);
}
toFixedCases.push([1.000000005, +(1.000000005).toFixed(8)], [0.123456785, +(0.123456785).toFixed(8)]);

// ---------------------------------------------------------------------------------------------------------------
if (FSRSVersion.indexOf(`v${PINNED_VERSION} `) !== 0) {
  throw new Error(`ts-fsrs ${FSRSVersion} is installed, package.json pins ${PINNED_VERSION}: run npm ci`);
}
const header = {
  generatedBy: 'tools/fsrs-vectors/generate.js',
  reference: `ts-fsrs ${PINNED_VERSION} (${FSRSVersion}) on Node ${process.version}`,
  seed: SEED,
};
fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(path.join(OUT_DIR, 'ts-fsrs-histories.json'), JSON.stringify({
  ...header,
  reviewFields: ['gapMillis', 'rating', 'state', 'dueMinusReviewMillis', 'stability', 'difficulty',
    'learningStep', 'reps', 'lapses', 'scheduledDays', 'retrievabilityBefore'],
  states: ['NEW', 'LEARNING', 'REVIEW', 'RELEARNING'],
  settings,
  histories,
}) + '\n');
fs.writeFileSync(path.join(OUT_DIR, 'js-math.json'), JSON.stringify({
  ...header,
  pow: powCases,
  numberToString: numberCases,
  toFixed8: toFixedCases,
}) + '\n');
console.log(`${histories.length} histories, ${reviewCount} reviews, ${powCases.length} pow cases, `
  + `${numberCases.length} number strings, ${toFixedCases.length} toFixed(8) cases -> ${path.relative(process.cwd(), OUT_DIR)}`);
