# The Axelrod side of bench:games: the same round robin (strategies, 200 turns, 10 repetitions, self-play
# included) in Axelrod's own library, in process. Run by bench/games/run.ts when AXELROD_PATH points at an
# Axelrod source tree importable by PYTHON (default python3); prints one JSON line.
import json
import sys
import time
import warnings

warnings.simplefilter("ignore")
import axelrod as axl  # noqa: E402

names = json.loads(sys.argv[1])
turns, repetitions, runs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
players = [getattr(axl, n)() for n in names]


def matches_only():
    """Every pair (self-play included) plays `repetitions` matches: Axelrod's Match, no result set."""
    start = time.perf_counter()
    totals = [[] for _ in players]
    for i in range(len(players)):
        for j in range(i, len(players)):
            for _ in range(repetitions):
                a, b = players[i].clone(), players[j].clone()
                match = axl.Match((a, b), turns=turns)
                match.play()
                if i != j:
                    s = match.final_score_per_turn()
                    totals[i].append(s[0])
                    totals[j].append(s[1])
    return time.perf_counter() - start


def tournament():
    """Axelrod's Tournament.play (one process): matches plus its result set and ranking."""
    start = time.perf_counter()
    t = axl.Tournament(players, turns=turns, repetitions=repetitions, seed=1)
    results = t.play(processes=1, progress_bar=False)
    return time.perf_counter() - start, [names[i] for i in results.ranking]


match_seconds = sorted(matches_only() for _ in range(runs))
tournament_runs = [tournament() for _ in range(max(1, runs // 2))]
print(json.dumps({
    "version": axl.__version__,
    "python": sys.version.split()[0],
    "matchLoopSeconds": match_seconds,
    "tournamentSeconds": sorted(s for s, _ in tournament_runs),
    "ranking": tournament_runs[0][1],
}))
