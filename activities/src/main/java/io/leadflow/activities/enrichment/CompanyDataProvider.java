package io.leadflow.activities.enrichment;

import java.util.Optional;

/** The port to a company-data vendor (Clearbit, Apollo, ...): firmographics for an email domain. */
public interface CompanyDataProvider {

  /**
   * Empty when the vendor does not know the domain.
   *
   * @throws CompanyDataUnavailable when the vendor could not answer (down, slow, refused us)
   */
  Optional<CompanyData> lookup(String domain);

  /** The vendor could not be asked; enrichment goes on without it. */
  class CompanyDataUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompanyDataUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
