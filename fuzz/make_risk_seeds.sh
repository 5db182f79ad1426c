#!/usr/bin/env bash
# Writes the seed corpora of the risk-parser fuzz targets (version, osv_range, cvss,
# osv_advisory) from the unit tests' version tables and the fixtures in tests/fixtures/assess/.
# Re-run after changing it; the seeds are checked in.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=$here/corpus

# version: <scheme digit><a>\0<b>\0<c>; the digit picks pypi npm golang cargo maven nuget gem
# composer (0..7).
rm -rf "$corpus/version" && mkdir -p "$corpus/version"
v() { printf '%s%s\0%s\0%s' "$1" "$2" "$3" "$4" >"$corpus/version/$5"; }
v 0 '1.0a1' '1.0.post1' '>=1.0,<2.0' pep440_basic
v 0 '1!2.0.dev3+local.7' '2.0rc1' '~=2.0' pep440_epoch_local
v 0 '1.0-ALPHA-1' 'v1.0.0' '==1.*' pep440_spelling
v 1 '1.0.0-alpha.1' '1.0.0-beta.11' '^1.0.0 || 2.x' semver_pre
v 1 'v1.2.3' '=1.2.3' '1.2 - 2.3.4' semver_loose
v 2 'v0.0.0-20191109021931-daa7c04131f5' 'v1.2.0+incompatible' 'v1.2' go_pseudo
v 3 '1.2.3' '1.2.3-rc.1' '>=1.2, <1.5' cargo_req
v 4 '1-alpha-2' '1.0.0.RELEASE' '[1.0,2.0),[3,)' maven_qualifiers
v 4 '1.0-sp1' '1.0-SNAPSHOT' '(,1.0]' maven_interval
v 5 '1.0.0.0' '1.0.0-Beta' '[1.0, 2.0)' nuget_four_parts
v 6 '1.0.0.pre.1' '1.0.0.a' '~> 1.2' rubygems_pre
v 7 '1.0.0-beta2' 'v2.1.0' '^1.2 || ~2.0@dev' composer_constraint

# osv_range: <ecosystem digit><version>\n<encoded affected entry>; digits as above.
rm -rf "$corpus/osv_range" && mkdir -p "$corpus/osv_range"
r() { printf '%s%s\n%b' "$1" "$2" "$3" >"$corpus/osv_range/$4"; }
r 0 '2.1' 'R ECOSYSTEM\nI 0\nF 2.2\nV 1.0\n' pypi_fixed
r 1 '4.17.20' 'R SEMVER\nI 4.0.0\nL 4.17.20\n' npm_last_affected
r 2 '1.2.3' 'R SEMVER\nI 0\nF 1.3.0\nR GIT https://example.org/repo\nI abc\n' go_semver_git
r 3 '0.5.0' 'R SEMVER\nI 0.4.0\nF 0.4.5\nI 0.5.0\nF 0.5.2\n' cargo_two_windows
r 4 '2.0-rc1' 'R ECOSYSTEM\nI 1.0\nX 3.0\nX *\n' maven_limit
r 5 '6.0.0' 'R ECOSYSTEM\nI 5.0.0\nF 6.0.1\n' nuget_fixed
r 6 '1.2.0' 'V 1.2.0\nV 1.2.1\n' rubygems_versions
r 7 '2.4' 'R ECOSYSTEM\nI 2.0\nF 2.4\nI 2.4\n' composer_tie

# cvss: a few vectors of each version from the score fixtures, plus malformed ones.
rm -rf "$corpus/cvss" && mkdir -p "$corpus/cvss"
head -n 4 "$root/tests/fixtures/assess/cvss/cvss3-vectors.txt" | awk '{printf "%s", $1 > ("'"$corpus"'/cvss/v3_" NR)}'
head -n 4 "$root/tests/fixtures/assess/cvss/cvss4-vectors.txt" | awk '{printf "%s", $1 > ("'"$corpus"'/cvss/v4_" NR)}'
printf 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' >"$corpus/cvss/v30"
printf 'CVSS:3.1/AV:N/AV:L' >"$corpus/cvss/repeated_metric"
printf 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/CR:H/MAV:A' \
  >"$corpus/cvss/v4_threat_env"

# osv_advisory: the small OSV fixtures, valid and malformed, JSON and YAML.
rm -rf "$corpus/osv_advisory" && mkdir -p "$corpus/osv_advisory"
osv=$root/tests/fixtures/assess/osv
cp "$osv"/crafted/* "$osv"/malformed/{event_without_version,invalid_utf8,missing_id,missing_package,not_records,truncated}.json \
  "$osv"/real/{GO-2025-4114,MAL-2026-16135,PYSEC-2022-43015,PYSEC-2023-28}.json "$corpus/osv_advisory/"
