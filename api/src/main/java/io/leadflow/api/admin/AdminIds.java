package io.leadflow.api.admin;

import java.util.Map;

/** The shape of the ids admins choose for reps, territories, accounts and skills ("ana", "emea"). */
final class AdminIds {

  static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
  static final String MESSAGE = "lower-case letters, digits and . _ - (at most 64)";

  private AdminIds() {}

  /** The id from the path, or a 400 problem naming it. */
  static String checked(String id) {
    if (!id.matches(PATTERN)) {
      throw AdminProblems.invalid(Map.of("id", MESSAGE));
    }
    return id;
  }
}
