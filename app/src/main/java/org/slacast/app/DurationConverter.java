package org.slacast.app;

import java.time.Duration;
import org.slacast.core.policy.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a flag's duration: {@code 500ms}, {@code 10s}, or the policy file's forms ({@code 15m}, {@code 2d}, {@code PT8H}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d{1,9}ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.matches("\\d{1,9}s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 10s, 15m, 4h or 2d");
        }
    }
}
