package dev.switchboard.classify.domain.rules;

/** What a lexicon entry signals; one lexicon section per cue. */
public enum Cue {
  /** Racist, sexist, homophobic or disablist slurs: abuse on their own. */
  ABUSE_SLUR,
  /** Insults aimed at a person ("useless cow", "scumbag"). */
  ABUSE_INSULT,
  /** Swearing; abuse only when aimed at someone. */
  PROFANITY,
  /** Threats of violence or harassment ("i know where you live"). */
  THREAT,
  /** Adverts, scams, follow-for-follow. */
  SPAM,
  /** False health claims. */
  MISINFORMATION,
  /** Suicidal thoughts, self-harm, feeling a burden. */
  SELF_HARM,
  /** Abuse or neglect of a child or vulnerable adult, domestic abuse. */
  SAFEGUARDING,
  /** A physical medical emergency. */
  EMERGENCY,
  /** An allegation of crime, dishonesty, negligence or misconduct. */
  ALLEGATION,
  /** Thanks or a positive experience. */
  PRAISE,
  /** Dissatisfaction with care or service. */
  COMPLAINT,
  /** A request for information or help. */
  QUESTION,
  /** A rhetorical question ("how is that acceptable?"): not a request for information. */
  RHETORICAL,
  /** A figure of speech that only looks violent or urgent ("the wait was murder"). */
  IDIOM,
  /** Negates what follows in its clause ("no chest pain"). */
  NEGATION,
  /** Places events in the past ("last year"). */
  PAST_TIME,
  /** Places events now ("right now", "tonight"). */
  PRESENT_TIME,
  /** A member of staff by role ("the nurse", "consultant"). */
  STAFF_ROLE,
  /** A title before a name ("dr", "nurse", "sister"). */
  TITLE,
  /** The trust or hospital itself. */
  TRUST,
  /** A diagnosis or other health detail about a person. */
  HEALTH_DETAIL,
  /** Introduces a date of birth ("dob", "born on"). */
  DOB,
  /** Introduces a hospital or patient number ("mrn", "hospital number"). */
  HOSPITAL_NUMBER,
  /** Introduces a home address ("lives at"). */
  ADDRESS,
  /** Addresses the reader ("you", "ur"). */
  SECOND_PERSON,
  /** A name from the trust's staff directory. */
  STAFF_NAME,
  /** A life saved or a debt of thanks to staff. */
  LIFE_SAVED
}
