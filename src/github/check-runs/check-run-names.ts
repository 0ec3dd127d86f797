/** The check run every validation pass opens first (a public contract: users require it in branch protection). */
export const VALIDATE_CHECK = 'kubegate/validate';
