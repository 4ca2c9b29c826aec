"""The depths of the page tree, in one place.

The content model allows one shape only (``parent_page_types``): Wagtail's root (1), the home
page of each language (2), the county branches (3), below a branch its plans and index pages
(4), a plan's strategies and the index pages' articles and events (5), a strategy's measures
(6). The public-page rule and the API's ancestor references are built on these numbers.
"""

ROOT_DEPTH = 1
HOME_DEPTH = 2
BRANCH_DEPTH = 3
PLAN_DEPTH = 4
STRATEGY_DEPTH = 5
MEASURE_DEPTH = 6

#: The deepest page the content model allows.
DEEPEST_DEPTH = MEASURE_DEPTH
