package dev.mlsdmock.coverage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Exact-phrase matching for a rubric's optional keywords, tolerant of the spelling variants candidates actually
 * use: case, hyphens ("roc-auc" / "roc auc") and British/American endings ("normalised" / "normalized").
 */
public final class Keywords {

    private static final Pattern SEPARATORS = Pattern.compile("[-_/]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRITISH = Pattern.compile("is(e|ed|es|ing|ation|ations)\\b");

    private Keywords() {
    }

    /** The text as keywords are matched against it; normalise once, match many keywords. */
    public static String normalise(String text) {
        String t = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        t = BRITISH.matcher(t).replaceAll("iz$1");
        return " " + SPACES.matcher(t).replaceAll(" ").strip() + " ";
    }

    /** Whether the normalised text contains the keyword as whole words. */
    public static boolean contains(String normalisedText, String keyword) {
        String k = normalise(keyword).strip();
        if (k.isEmpty()) {
            return false;
        }
        int at = normalisedText.indexOf(k);
        while (at >= 0) {
            char before = normalisedText.charAt(at - 1 < 0 ? 0 : at - 1);
            int end = at + k.length();
            char after = end < normalisedText.length() ? normalisedText.charAt(end) : ' ';
            if (!Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after)) {
                return true;
            }
            at = normalisedText.indexOf(k, at + 1);
        }
        return false;
    }
}
