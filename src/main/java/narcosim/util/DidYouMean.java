package narcosim.util;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** The closest known word to a mistyped one, for error messages. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** " (did you mean 'x'?)" when a known word is close to the given one, else "". */
    public static String suggest(String word, Collection<String> known) {
        String best = known.stream().min(Comparator.comparingInt(k -> distance(word.toLowerCase(Locale.ROOT),
                k.toLowerCase(Locale.ROOT)))).orElse(null);
        if (best == null) return "";
        int d = distance(word.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT));
        boolean close = d <= Math.max(2, best.length() / 3) || best.contains(word) && word.length() >= 4;
        return close ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
