package io.leadflow.workflows;

/**
 * The actions of the tiers that get a rep. {@code COLD} has none: it goes to nurture without a
 * rep, which is the lifecycle itself rather than a setting.
 */
public record TierActions(TierAction hot, TierAction warm) {

  /** The action for {@code tier}; null for {@code COLD}. */
  public TierAction forTier(Tier tier) {
    return switch (tier) {
      case HOT -> hot;
      case WARM -> warm;
      case COLD -> null;
    };
  }
}
