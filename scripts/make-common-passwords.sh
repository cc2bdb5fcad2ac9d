#!/usr/bin/env bash
# Regenerates model/auth/common-passwords.txt, the blocklist of PassphrasePolicy (README,
# "Accounts and key slots"): the 10,000 most common passwords of the "passwords" frequency list
# that zxcvbn 4.4.2 ships (Dan Wheeler and Dropbox, MIT licence; ranked from leaked password
# corpora), then a few words of this product and its users. Needs npm and node; run from the
# repository root. The output is committed: the build never downloads anything.
set -euo pipefail

out=model/auth/common-passwords.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent zxcvbn@4.4.2 >/dev/null && tar xzf zxcvbn-4.4.2.tgz)

{
  cat <<'HEAD'
# Common passwords that PassphrasePolicy refuses (compared lower-case, after NFKC; see
# PassphrasePolicy.cpp for the forms it also catches: a listed password with digits or
# punctuation around it, or repeated).
#
# Source: the first 10,000 entries, most common first, of the "passwords" list in zxcvbn 4.4.2
# (lib/frequency_lists.js), Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc., MIT licence:
# "Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND."
# Regenerate with scripts/make-common-passwords.sh.
#
# Words of this product and its users (NIST SP 800-63B: context-specific words).
caseboard
case board
homicide
homicide unit
detective
sergeant
police
administrator
changeme
welcome
letmeinletmein
qwertyuiopas
correct horse battery staple
#
# zxcvbn's list.
HEAD
  node -e '
    const f = require(process.argv[1]);
    for (const p of f.passwords.slice(0, 10000)) console.log(p);
  ' "$work/package/lib/frequency_lists.js"
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") entries)"
