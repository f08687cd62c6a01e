import gc
import sys

# A command makes millions of small objects that last until it ends (parsed quizzes, page
# trees): Python's default, a collection every 700 new objects, spends a tenth of a large
# course's check looking for garbage that is not there (`make benchmark` times it).
gc.set_threshold(50_000, 20, 20)

try:
    from generator.cli import main
except KeyboardInterrupt:  # Ctrl+C while the generator loads: nothing read or written yet
    print("Interrupted.", file=sys.stderr)
    sys.exit(130)  # as generator.cli.main does

sys.exit(main())
