package io.leadflow.activities.messages;

/**
 * A template refused when it is saved: {@code field} is the part ({@code text}, {@code subject},
 * {@code html}), {@code line} and {@code column} (1-based) where the problem starts in it, both 0
 * when the problem is the whole part (a text too long).
 */
public class InvalidTemplate extends RuntimeException {

  private final String field;
  private final int line;
  private final int column;

  public InvalidTemplate(String field, int line, int column, String reason) {
    super("line " + line + ", column " + column + ": " + reason);
    this.field = field;
    this.line = line;
    this.column = column;
  }

  public InvalidTemplate(String field, String reason) {
    super(reason);
    this.field = field;
    this.line = 0;
    this.column = 0;
  }

  public String field() {
    return field;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
