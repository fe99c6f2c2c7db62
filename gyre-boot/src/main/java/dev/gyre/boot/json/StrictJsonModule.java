package dev.gyre.boot.json;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every Gyre service refuses while it binds JSON, whatever the record: a fraction where an integer is
 * expected ({@code 1.9} is not version 1), a non-finite number ({@code 1e999}, {@code "Infinity"}, {@code "NaN"}),
 * the NUL character or an unpaired surrogate in a string or a map key (PostgreSQL cannot store them), and a date
 * or time outside the range PostgreSQL stores. Values of type {@code Object} (maps of inputs, feedback,
 * parameters) are checked all the way down. A refusal is a {@link RefusedValueException} whose path names the field.
 */
public class StrictJsonModule extends SimpleModule {
    /** The earliest instant accepted: within PostgreSQL's range (4713 BC). */
    public static final Instant EARLIEST = LocalDate.of(-4712, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The latest instant accepted: the last whole second PostgreSQL's timestamps reach (year 294276). */
    public static final Instant LATEST = LocalDate.of(294276, 12, 31).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);

    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> REAL = Set.of(double.class, Double.class, float.class, Float.class,
            Number.class);
    private static final Set<Class<?>> TIME = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDateTime.class, LocalDate.class);

    public StrictJsonModule() {
        super("gyre-strict-json");
        setDeserializerModifier(new Modifier());
    }

    private static final class Modifier extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                       BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (WHOLE.contains(type) || REAL.contains(type) || TIME.contains(type) || type == String.class
                    || type == Object.class) {
                return new Checked(deserializer, type);
            }
            return deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                     KeyDeserializer deserializer) {
            return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
        }
    }

    /** Runs the type's deserializer and refuses what it must not let through. */
    private static final class Checked extends DelegatingDeserializer {
        private final Class<?> type;

        Checked(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (WHOLE.contains(type) && p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                throw new RefusedValueException(p, "must be a whole number, got " + p.getString(), p.getString(),
                        type);
            }
            Object value = super.deserialize(p, ctxt);
            check(p, value);
            return value;
        }

        private void check(JsonParser p, Object value) {
            if (type == Object.class) {
                checkTree(p, value);
            } else if (value instanceof String text) {
                checkText(p, text);
            } else if (value instanceof Number number) {
                checkFinite(p, number);
            } else if (value != null && TIME.contains(type)) {
                checkTime(p, value);
            }
        }
    }

    private static final class CheckedKey extends KeyDeserializer {
        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext ctxt) {
            delegate.resolve(ctxt);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            String fault = key == null ? null : textFault(key);
            if (fault != null) {
                throw new RefusedValueException(ctxt.getParser(), "names a key holding " + fault, key, String.class);
            }
            return delegate.deserializeKey(key, ctxt);
        }
    }

    /** An untyped value as Jackson builds it: maps, lists, strings, numbers, booleans, nulls. */
    private static void checkTree(JsonParser p, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                try {
                    String fault = textFault(key);
                    if (fault != null) {
                        throw new RefusedValueException(p, "names a key holding " + fault, key, String.class);
                    }
                    checkTree(p, entry.getValue());
                } catch (JacksonException e) {
                    throw e.prependPath(map, key);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                try {
                    checkTree(p, list.get(i));
                } catch (JacksonException e) {
                    throw e.prependPath(list, i);
                }
            }
        } else if (value instanceof String text) {
            checkText(p, text);
        } else if (value instanceof Number number) {
            checkFinite(p, number);
        }
    }

    private static void checkText(JsonParser p, String text) {
        String fault = textFault(text);
        if (fault != null) {
            throw new RefusedValueException(p, "must not hold " + fault, text, String.class);
        }
    }

    /** What PostgreSQL cannot store in a text: NUL, or a UTF-16 surrogate without its pair; null when neither. */
    private static String textFault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
            }
        }
        return null;
    }

    private static void checkFinite(JsonParser p, Number number) {
        if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
            throw new RefusedValueException(p, "must be a finite number, got " + number, number, number.getClass());
        }
    }

    private static void checkTime(JsonParser p, Object value) {
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
            instant = d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new RefusedValueException(p, "must lie between " + EARLIEST + " and " + LATEST + ", got " + value,
                    value, value.getClass());
        }
    }
}
