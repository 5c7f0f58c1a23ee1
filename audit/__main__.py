from audit.cli.main import main

raise SystemExit(main())
