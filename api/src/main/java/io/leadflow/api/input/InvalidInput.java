package io.leadflow.api.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a JSON request body that breaks an input rule. Jackson records where it was on the
 * way out, so the problem can name the field: {@code name}, {@code rules[0].reason}.
 */
public final class InvalidInput extends MismatchedInputException {

  private static final long serialVersionUID = 1L;

  InvalidInput(JsonParser parser, String reason) {
    super(parser, reason);
  }

  public String reason() {
    return getOriginalMessage();
  }

  public String field() {
    return pathOf(this);
  }

  /** Where in the body a Jackson error happened: {@code name}, {@code rules[0].reason}, {@code body} at the top. */
  public static String pathOf(JacksonException error) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference step : error.getPath()) {
      if (step.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
