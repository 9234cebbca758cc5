package dev.isola.cli;

import dev.isola.compiler.aot.Tier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --tier interp|compiled|auto} by the tiers' own names (picocli's default wants INTERP). */
final class TierConverter implements ITypeConverter<Tier> {
  @Override
  public Tier convert(String value) {
    try {
      return Tier.of(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
