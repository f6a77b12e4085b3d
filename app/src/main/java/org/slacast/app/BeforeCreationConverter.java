package org.slacast.app;

import org.slacast.core.csv.ReadOptions.BeforeCreation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --before-creation}: {@code reject} or {@code clamp}, in any case. */
final class BeforeCreationConverter implements ITypeConverter<BeforeCreation> {
    @Override
    public BeforeCreation convert(String value) {
        try {
            return BeforeCreation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
