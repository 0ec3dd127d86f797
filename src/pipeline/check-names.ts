/** Check-run names are a public contract (branch protection rules require them). */
export const VALIDATE_CHECK = 'kubegate/validate';
