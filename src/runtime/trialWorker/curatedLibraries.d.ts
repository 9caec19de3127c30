// Types for the curated libraries that ship no declarations. The runtime only forwards them to
// objectives (which are plain JavaScript once compiled), so `unknown` is all it needs to know.
declare module 'ml-cart' {
  export const DecisionTreeClassifier: unknown;
  export const DecisionTreeRegression: unknown;
}
declare module 'ml-knn' {
  const KNN: unknown;
  export default KNN;
}
declare module 'ml-logistic-regression' {
  const LogisticRegression: unknown;
  export default LogisticRegression;
}
declare module 'ml-naivebayes' {
  export const GaussianNB: unknown;
  export const MultinomialNB: unknown;
}
