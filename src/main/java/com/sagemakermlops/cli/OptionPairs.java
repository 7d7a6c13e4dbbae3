package com.sagemakermlops.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a repeatable {@code KEY=VALUE} option, by key in the order given (a later value of a key wins). */
final class OptionPairs {
    private OptionPairs() {
    }

    /**
     * @param form        the option and its form, as messages name it ({@code --context KEY=VALUE})
     * @param valueNeeded whether {@code KEY=} (an empty value) is refused
     */
    static Map<String, String> parse(List<String> values, String form, boolean valueNeeded, String synopsis) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String pair : values) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || (valueNeeded && equals == pair.length() - 1)) {
                String option = form.substring(0, form.indexOf(' '));
                throw new UsageException(option + " expects " + form.substring(form.indexOf(' ') + 1) + ", got \""
                        + pair + "\"\nusage: " + synopsis);
            }
            byKey.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return byKey;
    }
}
