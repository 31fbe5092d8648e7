from leadshift.cli import main

main()
