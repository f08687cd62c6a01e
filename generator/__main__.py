import sys

try:
    from generator.cli import main
except KeyboardInterrupt:  # Ctrl+C while the generator loads: nothing read or written yet
    print("Interrupted.", file=sys.stderr)
    sys.exit(130)  # as generator.cli.main does

sys.exit(main())
