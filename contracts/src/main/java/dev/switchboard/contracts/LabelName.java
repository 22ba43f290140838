package dev.switchboard.contracts;

/** The labels a hospital comms team acts on (multi-label: a post can carry several, or none). */
public enum LabelName {
  COMPLAINT,
  QUESTION,
  PRAISE,
  ABUSE,
  LIBEL_RISK,
  SAFEGUARDING,
  CLINICAL_URGENT,
  PERSONAL_DATA,
  SPAM,
  MISINFORMATION
}
