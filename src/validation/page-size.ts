/** Every list's page: 20 items when neither first nor last is given, at most 100 (more is an error). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
