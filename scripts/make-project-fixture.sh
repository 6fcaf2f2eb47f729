#!/usr/bin/env bash
# Makes test/fixtures/projects/FRAMEWORK-COMMIT.tgz: a project as the generator
# at COMMIT wrote it, with a resource added by that same generator, so
# test/e2e/upgrade.test.ts can update a project made by an older version (its
# manifest holds that version's clean render, which is what `update` merges
# against). Run from the repository: scripts/make-project-fixture.sh 63e0ea9 flask
set -euo pipefail
commit=${1:?usage: scripts/make-project-fixture.sh COMMIT FRAMEWORK}
framework=${2:?usage: scripts/make-project-fixture.sh COMMIT FRAMEWORK}
repo=$(git rev-parse --show-toplevel)
short=$(git -C "$repo" rev-parse --short=7 "$commit")
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/generator" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --quiet --detach "$work/generator" "$short"
ln -s "$repo/node_modules" "$work/generator/node_modules"
(cd "$work/generator" && npm run --silent build >/dev/null)
bin="$work/generator/dist/src/bin.cjs"

# The options are test/e2e/upgrade.test.ts's: auth and RBAC on, two fast test layers.
name="old-$framework-api"
(cd "$work" && node "$bin" "$name" --framework "$framework" --db sqlite --auth jwt --rbac \
  --tests unit,integration --no-docker --ci none --no-install --git >/dev/null)
(cd "$work/$name" && node "$bin" add resource notes \
  --fields 'title:str(80),body:text:optional,score:int=0,done:bool=false,item:ref(items):optional' >/dev/null)

mkdir -p "$repo/test/fixtures/projects"
out="$repo/test/fixtures/projects/$framework-$short.tgz"
# Without .git: the test commits it as a user's first commit would; sorted and
# owner-free, so the archive depends only on the files.
tar --exclude=.git --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
  -C "$work" -cf - "$name" | gzip -n -9 > "$out"
echo "$out: $(tar -tzf "$out" | grep -vc '/$') files"
