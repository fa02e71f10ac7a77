import type { Feature } from "../core/feature.js";
import type { FeatureContext } from "./context.js";
import { createHelpFeature } from "./help/index.js";

/**
 * The features in the order they get a turn. A feature holding a user's conversation always
 * goes first; otherwise command owners come before the catch-all question answering.
 */
export function createFeatures(context: FeatureContext): Feature[] {
  return [createHelpFeature(context)];
}
