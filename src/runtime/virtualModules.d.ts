// The trial worker bundle asset, built by build/trialWorkerBundle.ts.
declare module 'virtual:trial-worker-bundle' {
  /** URL of the classic script holding the trial worker runtime and the curated libraries. */
  const url: string;
  export default url;
}
