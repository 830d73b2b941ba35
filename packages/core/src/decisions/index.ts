export { recommend, RECOMMENDATION_LABELS, RECOMMENDATION_OUTCOMES, RECOMMENDATION_THRESHOLDS, type Recommendation, type RecommendationOutcome, type RecommendationReason, type LeftOutSignal, type RecommendationInput } from "./recommendation.ts";
export { reviewForSession, currentRecommendation, type SessionReview, type HiringDecisionView, type ReviewerNote } from "./review.ts";
export { recordDecision } from "./decide.ts";
export * from "./schemas.ts";
