package org.slacast.app;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --zone}: an IANA zone id ({@code America/Los_Angeles}) or an offset ({@code UTC}, {@code +01:00}). */
final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time zone; use an IANA id such as "
                    + "Europe/Berlin or UTC");
        }
    }
}
