package org.paperclub.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonFeatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.DelegatingDecoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.DeserializationConfiguration;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.jackson.JacksonDecoder;
import io.micronaut.serde.jackson.JacksonJsonMapper;
import io.micronaut.serde.jackson.JacksonObjectMapper;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micronaut Serde reads JSON leniently: {@code 42} or {@code true} for a string, {@code "yes"} for a boolean (as
 * false), {@code 2020.5} for an integer (truncated), {@code [2020]} for a number, and text after the value are all
 * accepted. A request body is what a person or a script meant to send, so a guess is worse than a refusal: this
 * mapper reads every value only from the JSON type it is declared as, and refuses anything after the value, with
 * the field named ({@link BadField}). Writing and everything else is Serde's own mapper.
 */
@Singleton
@Replaces(JacksonJsonMapper.class)
class StrictJsonMapper implements JacksonObjectMapper {

    private final JacksonJsonMapper delegate;
    private final SerdeRegistry registry;
    private final LimitingStream.RemainingLimits limits;
    // A key given twice keeps one of the values silently; which one the sender meant is a guess.
    private final JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]*)\\]");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    /** Serde names the property it failed on as "[LocalDate date]". */
    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[(\\w+) ");

    StrictJsonMapper(SerdeRegistry registry, SerdeConfiguration serde, SerdeJacksonConfiguration jackson) {
        this.delegate = new JacksonJsonMapper(registry, serde, jackson);
        this.registry = registry;
        this.limits = LimitingStream.limitsFromConfiguration(serde);
    }

    /** A value of the wrong JSON type, an unknown field, or text after the value; {@code field} is a dotted path. */
    public static final class BadField extends SerdeException {
        private final String field;
        private final String problem;

        BadField(@Nullable String field, String problem) {
            super(field == null ? problem : field + " " + problem);
            this.field = field;
            this.problem = problem;
        }

        @Nullable
        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    private <T> T read(JsonParser parser, Argument<T> type) throws IOException {
        Deserializer.DecoderContext context = registry.newDecoderContext(null);
        Deserializer<? extends T> deserializer = context.findDeserializer(type).createSpecific(context, type);
        T value;
        try {
            value = deserializer.deserializeNullable(new Strict(parser, JacksonDecoder.create(parser, limits)), context, type);
        } catch (BadField e) {
            throw e;
        } catch (ProblemException e) {
            throw e;
        } catch (JsonParseException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new BadField(named(path(parser), duplicate.group(1)), "is given twice; give each field once");
            }
            throw new BadField(path(parser), "is not valid JSON here (" + e.getOriginalMessage() + ")");
        } catch (IOException | RuntimeException e) {
            Matcher unknown = UNKNOWN.matcher(String.valueOf(e.getMessage()));
            if (unknown.find()) {
                throw new BadField(named(path(parser), unknown.group(1)), "is not a field of this request");
            }
            // Whatever else Serde refuses, its message names Java classes: say what the field needs instead.
            throw new BadField(path(parser), needs(e));
        }
        if (parser.nextToken() != null) {
            throw new BadField(null, "the request holds more than one JSON value; send exactly one");
        }
        return value;
    }

    /** "title" for a key named at the top level, "policies.grading" + "x" as "policies.grading.x". */
    private static String named(@Nullable String at, String name) {
        return at == null ? name : at.equals(name) || at.endsWith("." + name) ? at : at + "." + name;
    }

    /** What a value Serde could not convert must be, from the type it was being read as. */
    private static String needs(Throwable e) {
        Matcher property = PROPERTY.matcher(String.valueOf(e.getMessage()));
        String type = property.find() ? property.group(1) : "";
        for (Throwable t = e; t != null && type.isEmpty(); t = t.getCause()) {
            if (t instanceof DateTimeException) {
                type = "temporal";
            }
        }
        return switch (type) {
            case "LocalDate" -> "must be a real date such as 2026-12-14";
            case "LocalTime" -> "must be a time of day such as 14:00";
            case "OffsetDateTime", "ZonedDateTime", "Instant" -> "must be a real date and time such as 2026-12-14T14:00:00-05:00";
            case "temporal" -> "must be a real date or time, such as 2026-12-14 or 14:00";
            default -> "has a value of the wrong kind";
        };
    }

    @Override
    public <T> T readValue(@NonNull InputStream in, @NonNull Argument<T> type) throws IOException {
        try (JsonParser parser = factory.createParser(in)) {
            return read(parser, type);
        }
    }

    @Override
    public <T> T readValue(byte @NonNull [] bytes, @NonNull Argument<T> type) throws IOException {
        try (JsonParser parser = factory.createParser(bytes)) {
            return read(parser, type);
        }
    }

    @Override
    public <T> T readValue(@NonNull ByteBuffer<?> buffer, @NonNull Argument<T> type) throws IOException {
        return readValue(buffer.toByteArray(), type);
    }

    @Override
    public @NonNull JsonMapper createSpecific(@NonNull Argument<?> type) {
        // Serde's specific mapper would read leniently again.
        return this;
    }

    /** Checks, after each value is read, that it was written as the JSON type it is declared as. */
    private static final class Strict extends DelegatingDecoder {
        private final JsonParser parser;
        private final Decoder decoder;

        Strict(JsonParser parser, Decoder decoder) {
            this.parser = parser;
            this.decoder = decoder;
        }

        @Override
        protected Decoder delegate() {
            return decoder;
        }

        @Override
        public Decoder decodeArray(Argument<?> type) throws IOException {
            return new Strict(parser, decoder.decodeArray(type));
        }

        @Override
        public Decoder decodeArray() throws IOException {
            return new Strict(parser, decoder.decodeArray());
        }

        @Override
        public Decoder decodeObject(Argument<?> type) throws IOException {
            return new Strict(parser, decoder.decodeObject(type));
        }

        @Override
        public Decoder decodeObject() throws IOException {
            return new Strict(parser, decoder.decodeObject());
        }

        @Override
        public IOException createDeserializationException(String message, Object invalidValue) {
            return new BadField(path(), message.startsWith("Unknown property")
                    ? "is not a field of this request" : "could not be read: " + message);
        }

        /** A decoder call; it may fail on a value of the wrong JSON type before the type is checked. */
        private interface Read<T> {
            T get() throws IOException;
        }

        private <T> T expect(Read<T> read, String kind, JsonToken... allowed) throws IOException {
            T value;
            try {
                value = read.get();
            } catch (BadField e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // The decoder refuses some wrong types itself (an object for text) with a message naming Java types.
                throw new BadField(path(), "must be " + kind + ", not " + describe(parser.currentToken()));
            }
            JsonToken token = parser.currentToken();
            for (JsonToken ok : allowed) {
                if (token == ok) {
                    return value;
                }
            }
            if (value == null && token == JsonToken.VALUE_NULL) {
                return null;
            }
            throw new BadField(path(), "must be " + kind + ", not " + describe(token));
        }

        private <T> T text(Read<T> read) throws IOException {
            return expect(read, "text", JsonToken.VALUE_STRING);
        }

        private <T> T bool(Read<T> read) throws IOException {
            return expect(read, "true or false", JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
        }

        /** A whole number in the range of its Java type; Jackson refuses one past it, which is said as the range. */
        private <T> T whole(Read<T> read, long min, long max) throws IOException {
            return whole(() -> {
                try {
                    return read.get();
                } catch (IOException | RuntimeException e) {
                    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                        boolean negative = parser.getText().startsWith("-");
                        throw new BadField(path(), negative ? "must be a whole number down to " + min
                                : "must be a whole number up to " + max);
                    }
                    throw e;
                }
            });
        }

        private <T> T whole(Read<T> read) throws IOException {
            return expect(read, "a whole number", JsonToken.VALUE_NUMBER_INT);
        }

        private <T> T number(Read<T> read) throws IOException {
            return expect(read, "a number", JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
        }

        private String describe(JsonToken token) throws IOException {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case VALUE_STRING -> "the text \"" + shorten(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(parser.getText());
                case VALUE_TRUE, VALUE_FALSE -> token.asString();
                case START_ARRAY, END_ARRAY -> "a list";
                case START_OBJECT, END_OBJECT -> "an object";
                default -> token.toString();
            };
        }

        private static String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }

        @Nullable
        private String path() {
            return StrictJsonMapper.path(parser);
        }

        @Override
        public String decodeString() throws IOException {
            return text(() -> decoder.decodeString());
        }

        @Override
        public String decodeStringNullable() throws IOException {
            return text(() -> decoder.decodeStringNullable());
        }

        @Override
        public char decodeChar() throws IOException {
            return text(() -> decoder.decodeChar());
        }

        @Override
        public Character decodeCharNullable() throws IOException {
            return text(() -> decoder.decodeCharNullable());
        }

        @Override
        public boolean decodeBoolean() throws IOException {
            return bool(() -> decoder.decodeBoolean());
        }

        @Override
        public Boolean decodeBooleanNullable() throws IOException {
            return bool(() -> decoder.decodeBooleanNullable());
        }

        @Override
        public byte decodeByte() throws IOException {
            return whole(() -> decoder.decodeByte(), Byte.MIN_VALUE, Byte.MAX_VALUE);
        }

        @Override
        public Byte decodeByteNullable() throws IOException {
            return whole(() -> decoder.decodeByteNullable(), Byte.MIN_VALUE, Byte.MAX_VALUE);
        }

        @Override
        public short decodeShort() throws IOException {
            return whole(() -> decoder.decodeShort(), Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        public Short decodeShortNullable() throws IOException {
            return whole(() -> decoder.decodeShortNullable(), Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        public int decodeInt() throws IOException {
            return whole(() -> decoder.decodeInt(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        public Integer decodeIntNullable() throws IOException {
            return whole(() -> decoder.decodeIntNullable(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        public long decodeLong() throws IOException {
            return whole(() -> decoder.decodeLong(), Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        public Long decodeLongNullable() throws IOException {
            return whole(() -> decoder.decodeLongNullable(), Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        public BigInteger decodeBigInteger() throws IOException {
            return whole(() -> decoder.decodeBigInteger());
        }

        @Override
        public BigInteger decodeBigIntegerNullable() throws IOException {
            return whole(() -> decoder.decodeBigIntegerNullable());
        }

        @Override
        public float decodeFloat() throws IOException {
            return number(() -> decoder.decodeFloat());
        }

        @Override
        public Float decodeFloatNullable() throws IOException {
            return number(() -> decoder.decodeFloatNullable());
        }

        @Override
        public double decodeDouble() throws IOException {
            return number(() -> decoder.decodeDouble());
        }

        @Override
        public Double decodeDoubleNullable() throws IOException {
            return number(() -> decoder.decodeDoubleNullable());
        }

        @Override
        public BigDecimal decodeBigDecimal() throws IOException {
            return number(() -> decoder.decodeBigDecimal());
        }

        @Override
        public BigDecimal decodeBigDecimalNullable() throws IOException {
            return number(() -> decoder.decodeBigDecimalNullable());
        }

        @Override
        public Number decodeNumber() throws IOException {
            return number(() -> decoder.decodeNumber());
        }

        @Override
        public Number decodeNumberNullable() throws IOException {
            return number(() -> decoder.decodeNumberNullable());
        }
    }

    /** "policies.grading.weights.roles" or "assignments[2].roleId" for where the parser is. */
    @Nullable
    private static String path(JsonParser parser) {
        // After a closing bracket the context is already the enclosing one.
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                out.insert(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                out.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return out.isEmpty() ? null : out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }

    // Everything below is Serde's own mapper.

    @Override
    public JacksonObjectMapper cloneWithConfiguration(@NonNull SerdeJacksonConfiguration configuration) {
        return delegate.cloneWithConfiguration(configuration);
    }

    @Override
    public @NonNull ObjectMapper cloneWithConfiguration(@Nullable SerdeConfiguration configuration,
                                                        @Nullable SerializationConfiguration serialization,
                                                        @Nullable DeserializationConfiguration deserialization) {
        return delegate.cloneWithConfiguration(configuration, serialization, deserialization);
    }

    @Override
    public @NonNull JsonMapper cloneWithFeatures(@NonNull JsonFeatures features) {
        return delegate.cloneWithFeatures(features);
    }

    @Override
    public @NonNull JsonMapper cloneWithViewClass(@NonNull Class<?> viewClass) {
        return delegate.cloneWithViewClass(viewClass);
    }

    @Override
    public @NonNull SerdeRegistry getSerdeRegistry() {
        return delegate.getSerdeRegistry();
    }

    @Override
    public <T> T readValueFromTree(@NonNull JsonNode tree, @NonNull Argument<T> type) throws IOException {
        return delegate.readValueFromTree(tree, type);
    }

    @Override
    public @NonNull JsonNode writeValueToTree(@Nullable Object value) throws IOException {
        return delegate.writeValueToTree(value);
    }

    @Override
    public <T> @NonNull JsonNode writeValueToTree(@NonNull Argument<T> type, @Nullable T value) throws IOException {
        return delegate.writeValueToTree(type, value);
    }

    @Override
    public void writeValue(@NonNull OutputStream out, @Nullable Object value) throws IOException {
        delegate.writeValue(out, value);
    }

    @Override
    public <T> void writeValue(@NonNull OutputStream out, @NonNull Argument<T> type, @Nullable T value) throws IOException {
        delegate.writeValue(out, type, value);
    }

    @Override
    public byte[] writeValueAsBytes(@Nullable Object value) throws IOException {
        return delegate.writeValueAsBytes(value);
    }

    @Override
    public <T> byte[] writeValueAsBytes(@NonNull Argument<T> type, @Nullable T value) throws IOException {
        return delegate.writeValueAsBytes(type, value);
    }

    @Override
    public String writeValueAsString(@NonNull Object value) throws IOException {
        return delegate.writeValueAsString(value);
    }

    @Override
    public @NonNull JsonStreamConfig getStreamConfig() {
        return delegate.getStreamConfig();
    }

    @Override
    public @NonNull Processor<byte[], JsonNode> createReactiveParser(@NonNull Consumer<Processor<byte[], JsonNode>> onSubscribe,
                                                                    boolean streamArray) {
        return delegate.createReactiveParser(onSubscribe, streamArray);
    }

    @Override
    public void updateValueFromTree(Object value, @NonNull JsonNode tree) throws IOException {
        delegate.updateValueFromTree(value, tree);
    }
}
