import { POLICY_CHECK_NAME } from '../policy/policy-check.js';

/** Check-run names are a public contract (branch protection rules require them). */
export const VALIDATE_CHECK = 'kubegate/validate';
export const POLICY_CHECK = POLICY_CHECK_NAME;
/** The checks a pull-request pass opens at once, in the order of the report (each `kubegate/diff (ENV)` follows once the report names it). */
export const PULL_REQUEST_CHECKS = [VALIDATE_CHECK, POLICY_CHECK] as const;
