-- Optional email verification (active when mail is really sent, MAIL_TRANSPORT=smtp): an
-- unverified account still signs in and sees a notice. One row per mailed link; the mail job
-- sets token_hash (the secret exists only in that mail), the verification sets used_at.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

CREATE TABLE email_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_verifications_user_id ON email_verifications (user_id);
