package dev.mlsdmock.interview;

import java.util.List;
import java.util.Map;

/** A candidate's answers for an ad click prediction interview, per stage, used by the end-to-end API tests. */
final class AnswerBook {

    private static final Map<String, List<String>> ANSWERS = Map.of(
            "clarify", List.of(
                    "What is the business goal: revenue or engagement? How many daily active users do we have?",
                    "I'll assume a few hundred million daily users and peak traffic around a hundred thousand requests per second, with a latency budget of about 50 milliseconds for ranking.",
                    "The objective is to maximise ad revenue while keeping user experience acceptable."),
            "frame", List.of(
                    "I would frame it as binary classification: predict the probability that a user clicks an ad impression, and rank ads by predicted click-through rate times bid.",
                    "Input is the user, the ad and the context; output is a calibrated click probability. Predictions are made online at request time."),
            "data", List.of(
                    "Training data comes from impression and click logs; a click within a short window after an impression is a positive label, others are negatives.",
                    "Clicks are rare, so I would downsample negatives and correct the predicted probabilities afterwards. Features: user demographics and history, ad category, advertiser, time of day, device, and cross features.",
                    "Real-time features like recent clicks come from a streaming pipeline into a feature store, so training and serving use the same values."),
            "model", List.of(
                    "I'd start with logistic regression on hashed cross features as a baseline, then move to a deep and cross network or DeepFM.",
                    "The trade-off is accuracy versus serving cost: the deep model captures feature interactions but is slower and needs continual training."),
            "evaluate", List.of(
                    "Offline I'd use normalised cross entropy and ROC AUC, plus calibration, on a time-based split.",
                    "Online I'd run an A/B test and watch click-through rate, revenue per thousand impressions and hide rate."),
            "serve", List.of(
                    "Serving is two stages: candidate generation retrieves a few thousand eligible ads, then a lightweight ranker scores them within the latency budget.",
                    "To keep latency low I'd cache features, quantize the model and roll out with a canary and shadow traffic."),
            "monitor", List.of(
                    "I'd monitor feature distributions for drift, calibration and CTR, with alerts on sudden drops.",
                    "Because user interests and ads change fast, I'd retrain continuously, at least daily, and watch for feedback loops from the ranking itself."));

    private AnswerBook() {
    }

    static String answerFor(String stage, int n) {
        List<String> answers = ANSWERS.get(stage);
        if (n >= 0 && answers != null) {
            return answers.get(n % answers.size());
        }
        return "Let's move on to the next step.";
    }
}
