#!/usr/bin/env bash
# Usage: check_after_init.sh TREE [OPTED_OUT_UNIT...]
# For every .service and .socket in TREE (base and profiles) except
# runtime-init.service: units not named as opted out must have both
# After= and Requires= on runtime-init.service; opted-out units must have
# neither. Prints one line per unit and a summary; exits 1 on a violation.
set -euo pipefail
tree=$1
shift
opted_out=" $* "
checked=0 bad=0
while IFS= read -r unit; do
  name=${unit##*/}
  [[ $name == runtime-init.service ]] && continue
  checked=$((checked + 1))
  ordered=no
  if grep -Eq '^After=.*\bruntime-init\.service\b' "$unit" && grep -Eq '^Requires=.*\bruntime-init\.service\b' "$unit"; then
    ordered=yes
  fi
  if [[ $opted_out == *" $name "* ]]; then
    [[ $ordered == no ]] || { echo "$name: opted out but ordered after runtime-init"; bad=$((bad + 1)); continue; }
    echo "$name: opted out (after_init = false)"
  elif [[ $ordered == yes ]]; then
    echo "$name: After=runtime-init.service"
  else
    echo "$name: MISSING After=/Requires=runtime-init.service"
    bad=$((bad + 1))
  fi
done < <(find "$tree" -path '*/mkosi.extra/usr/lib/systemd/system/*' \( -name '*.service' -o -name '*.socket' \) | sort)
echo "checked $checked units, $bad violations"
((bad == 0))
