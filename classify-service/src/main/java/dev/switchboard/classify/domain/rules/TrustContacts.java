package dev.switchboard.classify.domain.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The trust's own public contact details, which are never a patient's personal data: phone numbers
 * (compared by digits), e-mail addresses or whole domains ({@code @nhs.net}), and postcodes.
 */
public final class TrustContacts {

  private final Set<String> phones = new HashSet<>();
  private final Set<String> emails = new HashSet<>();
  private final Set<String> domains = new HashSet<>();
  private final Set<String> postcodes = new HashSet<>();

  /**
   * Sorts each entry by its shape: containing {@code @} is an e-mail (leading {@code @} a whole
   * domain), mostly digits a phone number, otherwise a postcode.
   */
  public TrustContacts(Collection<String> entries) {
    for (String raw : entries) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith("@")) {
        domains.add(entry.substring(1));
      } else if (entry.contains("@")) {
        emails.add(entry);
      } else if (digits(entry).length() >= 6) {
        phones.add(national(digits(entry)));
      } else {
        postcodes.add(entry.replace(" ", ""));
      }
    }
  }

  /** Whether the phone number (any formatting) is one of the trust's. */
  public boolean isTrustPhone(String number) {
    return phones.contains(national(digits(number)));
  }

  /** Whether the address is one of the trust's or in one of its domains (or their subdomains). */
  public boolean isTrustEmail(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    if (emails.contains(a)) {
      return true;
    }
    String domain = a.substring(a.indexOf('@') + 1);
    for (String d : domains) {
      if (domain.equals(d) || domain.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the postcode is one of the trust's sites. */
  public boolean isTrustPostcode(String postcode) {
    return postcodes.contains(postcode.toLowerCase(Locale.ROOT).replace(" ", ""));
  }

  static String digits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String national(String digits) {
    return digits.startsWith("44") ? "0" + digits.substring(2) : digits;
  }
}
