"""An exam-only question that retells its module page's case: a person the page tells of,
named again in what the exam paper shows.

Exam-only questions are the final exam's questions the learner has not seen. One that puts
the page's 林女士 or 赵先生 back in front of the learner asks them to recall the page's
worked example, not to use what it taught on a case of its own. A person is found by the
way the course names people: a common surname with a title (林女士, 王师傅, 李经理) or
with 小 or 老 before it (小周, 老李). A long phrase shared with the page would say too much:
a question names the page's concepts (服务质量是一种感知, 调整认知的三项原则) as often as
its cases, so that is left to the trainer's eye. So is a person named by full name (罗静),
whom no pattern tells from other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.context import ModuleContext
from generator.lint.questions import QuestionList, warning
from generator.lint.shown import EXAM_LIST, shown_texts
from generator.models import Module

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田"
    "董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊"
    "孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔常汤"
)
"""Common surnames, as a title follows them (林女士). 向 is left out: 向经理汇报."""
FAMILIAR = (
    "王李张刘陈杨赵吴周徐朱郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董潘袁蔡"
    "蒋杜魏吕丁卢姚沈崔谭陆汪廖贾夏邹孟秦邱侯尹薛闫黎陶郝邵覃武戴莫孔"
)
"""The surnames 小 and 老 go before (小周, 老李), less those that make a word with them:
小孙子, 小程序, 老顾客, 小范围, 老黄历, 小毛病 …"""
TITLES = "先生|女士|小姐|阿姨|大爷|大妈|师傅|经理|医生|大夫"
PERSON = re.compile(rf"[{SURNAMES}](?:{TITLES})|[小老][{FAMILIAR}]")


def people(text: str) -> set[str]:
    """The people ``text`` names the way the course names them: 林女士, 小周, 老李."""
    return set(PERSON.findall(text))


def exam_retells_page_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    """An exam-only question whose paper names a person the module's page tells of, in a
    course with a final exam (without one, no learner is asked exam-only questions)."""
    on_page = people(module.page.body)
    if not (context.has_exam and on_page and module.quiz.exam_questions):
        return
    exam = QuestionList(module.quiz_source, EXAM_LIST, module.quiz.exam_questions)
    warned: set[str] = set()
    for text in shown_texts(exam):
        named = sorted(people(text.compared) & on_page)
        if not named or text.question_id in warned:
            continue
        warned.add(text.question_id)
        yield warning(
            exam.at(text.index, *text.keys),
            f"exam-only question '{text.question_id}': its {text.place} names "
            f"{'、'.join(named)}, of whom {module.page.filename} tells; the exam would ask the "
            "learner to recall the page's case rather than use the skill on one not seen",
            "write a case of its own (another setting, customer and need) that tests the "
            "same objective",
            "standards.exam-retells-page",
        )
