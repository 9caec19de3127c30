/** A labelled dataset as the curated ML libraries take it: rows of features and a label per row. */
export interface Dataset {
  /** `X[i]` is the feature vector of sample i. */
  X: number[][];
  /** `y[i]` is the integer class label of sample i. */
  y: number[];
}
