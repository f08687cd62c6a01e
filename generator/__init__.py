"""Build the MOT course: Markdown modules and YAML quizzes in, an MkDocs site out.

The pipeline (:mod:`generator.build`) runs the stages top to bottom, one module each:
:mod:`generator.load` reads the sources, :mod:`generator.validate` checks them as a
whole, :mod:`generator.render` turns them into Markdown pages, :mod:`generator.write`
puts them on disk, :mod:`generator.mkdocs_run` builds the site and
:mod:`generator.publish` swaps it into ``site/``. Every folder and
page name lives in :mod:`generator.project`.
"""
