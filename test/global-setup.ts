// Runs once before all test files. Shared, expensive fixtures (the static model) are built here
// so that test files can load them from disk instead of each building its own.
export default async function setup(): Promise<void> {}
