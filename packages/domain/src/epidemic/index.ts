export * from './categories.js';
export * from './policy-editions.js';
export * from './edition-problems.js';
export * from './measure-plan.js';
export * from './release.js';
export * from './travel-rules.js';
export * from './area-risk.js';
export * from './clusters.js';
