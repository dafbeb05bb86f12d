package io.leadflow.api.input;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The input rules as JSON request bodies are read: every string obeys {@link TextRule}, every
 * instant {@link InstantRule}, whatever the body and however deep (a new field is covered without
 * anyone remembering to annotate it). Only the API's request reading uses this module: stored
 * JSON, such as a provider's webhook event, is read back as it was.
 */
final class RequestBodyRules extends SimpleModule {

  private static final long serialVersionUID = 1L;

  RequestBodyRules() {
    super("leadflow-request-body-rules");
    addDeserializer(String.class, new CheckedText(false));
    addDeserializer(Instant.class, new CheckedInstant());
  }

  private static final class CheckedText extends StdScalarDeserializer<String> {

    private final boolean multiline;

    CheckedText(boolean multiline) {
      super(String.class);
      this.multiline = multiline;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      boolean multilineField = property != null && property.getAnnotation(MultilineText.class) != null;
      return multilineField == multiline ? this : new CheckedText(multilineField);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctxt) throws JacksonException {
      String text = StringDeserializer.instance.deserialize(parser, ctxt);
      if (text != null) {
        var violation = TextRule.violation(text, multiline);
        if (violation.isPresent()) {
          throw new InvalidInput(parser, violation.get());
        }
      }
      return text;
    }
  }

  private static final class CheckedInstant extends StdScalarDeserializer<Instant> {

    CheckedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext ctxt) throws JacksonException {
      Instant instant;
      try {
        instant = InstantDeserializer.INSTANT.deserialize(parser, ctxt);
      } catch (MismatchedInputException unreadable) {
        throw new InvalidInput(parser, InstantRule.EXPECTED);
      }
      if (instant != null && !InstantRule.accepts(instant)) {
        throw new InvalidInput(parser, InstantRule.EXPECTED);
      }
      return instant;
    }
  }
}
