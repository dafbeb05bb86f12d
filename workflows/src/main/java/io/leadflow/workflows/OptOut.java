package io.leadflow.workflows;

/** The lead asked to stop: one channel, or every channel when {@code channel} is null. */
public record OptOut(Channel channel) {

  public static OptOut all() {
    return new OptOut(null);
  }

  public boolean everyChannel() {
    return channel == null;
  }
}
