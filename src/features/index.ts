import type { Feature } from "../core/feature.js";
import type { FeatureContext } from "./context.js";
import { createHelpFeature } from "./help/index.js";
import { createAdminFeature } from "./admin/index.js";
import { createBroadcastFeature } from "./broadcast/index.js";
import { createTrainingsFeature } from "./trainings/index.js";
import { createQaFeature } from "./qa/index.js";
import { createReportsFeature } from "./reports/index.js";

/**
 * The features in the order they get a turn. A feature holding a user's conversation always
 * goes first; otherwise command owners come before the catch-all question answering.
 */
export function createFeatures(context: FeatureContext): Feature[] {
  return [
    createHelpFeature(context),
    createAdminFeature(context),
    createTrainingsFeature(context),
    createBroadcastFeature(context),
    createReportsFeature(context),
    createQaFeature(context),
  ];
}
