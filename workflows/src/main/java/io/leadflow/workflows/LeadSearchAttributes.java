package io.leadflow.workflows;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The custom search attributes operators filter on in the Temporal UI. No personal data here:
 * visibility is readable by every operator. Upserts only what changed (each upsert is billed).
 */
public final class LeadSearchAttributes {

  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("LeadStatus");
  public static final SearchAttributeKey<String> TIER = SearchAttributeKey.forKeyword("LeadTier");
  public static final SearchAttributeKey<Long> SCORE = SearchAttributeKey.forLong("LeadScore");
  public static final SearchAttributeKey<String> ASSIGNED_REP = SearchAttributeKey.forKeyword("AssignedRep");
  public static final SearchAttributeKey<String> SOURCE = SearchAttributeKey.forKeyword("LeadSource");
  public static final SearchAttributeKey<OffsetDateTime> NEXT_TOUCH_AT =
      SearchAttributeKey.forOffsetDateTime("NextTouchAt");
  /** How many steps of the lead gave up (unset while none did). */
  public static final SearchAttributeKey<Long> STEPS_GAVE_UP = SearchAttributeKey.forLong("LeadStepsGaveUp");

  /** Every key, for registering them with a Temporal service (dev service, tests, compose). */
  public static final List<SearchAttributeKey<?>> ALL =
      List.of(STATUS, TIER, SCORE, ASSIGNED_REP, SOURCE, NEXT_TOUCH_AT, STEPS_GAVE_UP);

  private final Map<String, Object> current = new HashMap<>();
  private final String source;

  LeadSearchAttributes(String source) {
    this.source = source;
  }

  void upsert(LeadState state) {
    LeadStatus status = state.status();
    LeadScore score = state.score();
    Instant nextTouchAt = state.nextTouchAt();
    List<SearchAttributeUpdate<?>> changes = new ArrayList<>();
    change(changes, STATUS, status == null ? null : status.name());
    change(changes, TIER, score == null ? null : score.tier().name());
    change(changes, SCORE, score == null ? null : (long) score.total());
    change(changes, ASSIGNED_REP, state.assignedRep());
    change(changes, SOURCE, source);
    change(changes, NEXT_TOUCH_AT, nextTouchAt == null ? null : nextTouchAt.atOffset(ZoneOffset.UTC));
    change(changes, STEPS_GAVE_UP, state.stepsGaveUp() == 0 ? null : (long) state.stepsGaveUp());
    if (!changes.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(changes.toArray(SearchAttributeUpdate<?>[]::new));
    }
  }

  private <T> void change(List<SearchAttributeUpdate<?>> changes, SearchAttributeKey<T> key, T value) {
    if (Objects.equals(current.get(key.getName()), value)) {
      return;
    }
    current.put(key.getName(), value);
    changes.add(value == null ? key.valueUnset() : key.valueSet(value));
  }
}
